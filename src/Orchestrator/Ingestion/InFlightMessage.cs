namespace Orchestrator.Ingestion;

/// <summary>One received message as the heartbeat sees it.</summary>
internal sealed record InFlightMessage(string MessageId, string ReceiptHandle, DateTimeOffset ReceivedAt)
{
    /// <summary>When SQS will make it visible again unless extended.</summary>
    public DateTimeOffset VisibleUntil { get; set; }

    /// <summary>Set when SQS's 12-hour limit leaves no room to extend it further.</summary>
    public bool GaveUp { get; set; }
}
