using System.Diagnostics;
using Amazon.SQS.Model;

namespace Orchestrator.Ingestion;

/// <summary>Messages from one ReceiveMessage call, on their way from a poller to a handler.</summary>
internal sealed record ReceivedBatch(IReadOnlyList<Message> Messages, ActivityContext ReceiveContext);
