namespace Orchestrator.Configuration;

/// <summary>How the SQS queue is consumed. Defaults suit one small Fargate task.</summary>
public sealed class QueueOptions
{
    /// <summary>The queue URL. Required.</summary>
    public string Url { get; set; } = "";

    /// <summary>Concurrent long-poll loops.</summary>
    public int Pollers { get; set; } = 2;

    /// <summary>Concurrent batch handlers (ledger write + delete).</summary>
    public int Handlers { get; set; } = 4;

    /// <summary>Messages received and not yet finished, at most. Pollers only ask for as many as there are free slots.</summary>
    public int MaxInFlight { get; set; } = 100;

    /// <summary>Messages per ReceiveMessage call: 1 to 10 (the SQS maximum).</summary>
    public int MaxMessagesPerReceive { get; set; } = 10;

    /// <summary>
    /// Long-poll wait: 0 to 20 seconds (the SQS maximum). Shorter than <see cref="ShutdownTimeout"/> because on SIGTERM a long
    /// poll in progress is allowed to finish (see docs/ingestion.md); 10 s keeps an idle worker's shutdown quick.
    /// </summary>
    public TimeSpan WaitTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Visibility timeout asked for on receive and on each heartbeat extension: 1 second to 12 hours (SQS limits).</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the heartbeat looks for messages whose visibility is about to run out.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time allowed on SIGTERM to finish what is being handled; what has not started is released at once. The default leaves
    /// room inside ECS's default 30 s stopTimeout for the host to exit.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Attempts for a DeleteMessageBatch entry that failed for a transient reason.</summary>
    public int DeleteAttempts { get; set; } = 5;

    /// <summary>Longest pause of the pollers while the store is failing (backoff doubles from one second up to this).</summary>
    public TimeSpan MaxStoreBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the queue and its DLQ are asked for their depth (GetQueueAttributes) for the <c>orchestrator.queue.depth</c>
    /// gauges. SQS updates these approximate counts about once a minute anyway, so polling faster buys nothing.
    /// </summary>
    public TimeSpan DepthPollInterval { get; set; } = TimeSpan.FromSeconds(30);
}
