namespace LocalAws.Faults;

/// <summary>
/// What to do to calls of one operation (<c>"*"</c> for every operation; <c>"StartJobRun"</c> or <c>"AWSGlue.StartJobRun"</c>
/// for one): wait <see cref="LatencyMs"/>, plus <see cref="SpikeMs"/> with probability <see cref="SpikeRate"/> (a latency
/// spike, as a slow AWS partition shows them), then throttle with probability <see cref="ThrottleRate"/>, else fail with a 500
/// with probability <see cref="ServerErrorRate"/>. <see cref="Count"/>, when set, limits how many calls get a fault, so a
/// test can say "fail twice, then succeed" deterministically. <see cref="ItemErrors"/>, when set, makes that many items of
/// batch operations that report errors per item (BatchCreatePartition) fail with an <c>InternalServiceException</c> in the
/// response's <c>Errors</c>, first items first, while the call itself succeeds: what a client's per-item retry must handle.
/// </summary>
internal sealed record FaultRule(string Operation, double ThrottleRate, double ServerErrorRate, int LatencyMs, int? Count,
    int? ItemErrors = null, double SpikeRate = 0, int SpikeMs = 0);
