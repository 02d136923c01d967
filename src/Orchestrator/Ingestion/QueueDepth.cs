namespace Orchestrator.Ingestion;

/// <summary>One queue's approximate counts from GetQueueAttributes, as the gauges publish them.</summary>
/// <param name="Role"><c>main</c> or <c>dlq</c>.</param>
/// <param name="QueueName">The last segment of the queue URL.</param>
/// <param name="Visible"><c>ApproximateNumberOfMessages</c>.</param>
/// <param name="InFlight"><c>ApproximateNumberOfMessagesNotVisible</c>.</param>
internal sealed record QueueDepth(string Role, string QueueName, long Visible, long InFlight);
