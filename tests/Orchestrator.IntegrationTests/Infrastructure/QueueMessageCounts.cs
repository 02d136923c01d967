namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>
/// SQS <c>ApproximateNumberOfMessages</c> (visible) and <c>ApproximateNumberOfMessagesNotVisible</c> (in flight) of one queue.
/// </summary>
public readonly record struct QueueMessageCounts(int Visible, int NotVisible)
{
    /// <summary>Visible plus in-flight messages; delayed messages are not counted.</summary>
    public int Total => Visible + NotVisible;
}
