namespace Orchestrator.Cli;

/// <summary>
/// GetQueueAttributes' ApproximateNumberOfMessages (visible) and ApproximateNumberOfMessagesNotVisible (in flight). The age
/// of the oldest message is a CloudWatch metric only (ApproximateAgeOfOldestMessage), not a queue attribute, so it is not here.
/// </summary>
internal sealed record QueueDepth(string Url, int Visible, int NotVisible);
