using System.Collections.Concurrent;
using Orchestrator.Jobs.Aws.Athena;
using Orchestrator.Jobs.Aws.Athena.Model;

namespace Orchestrator.UnitTests.Queries;

/// <summary>
/// An in-memory Athena for the runner's own logic: StartQueryExecution is idempotent by token as Athena is, each query
/// reports RUNNING until <see cref="Finish"/> (or <see cref="FinishAfterPolls"/>) says otherwise, and every call is recorded.
/// </summary>
internal sealed class ScriptedAthena : IAmazonAthena
{
    private readonly ConcurrentDictionary<string, string> _byToken = new();
    private readonly ConcurrentDictionary<string, (string State, int Polls)> _queries = new();
    private int _throttles;
    private int _running;

    public ConcurrentQueue<StartQueryExecutionRequest> Starts { get; } = new();

    public ConcurrentQueue<string> Stops { get; } = new();

    /// <summary>Polls after which a query reports SUCCEEDED; null keeps it RUNNING until <see cref="Finish"/>.</summary>
    public int? FinishAfterPolls { get; set; } = 2;

    public string FinalState { get; set; } = "SUCCEEDED";

    public int MaxRunning { get; private set; }

    public void ThrottleNextStarts(int count) => _throttles = count;

    public void Finish(string id, string state) => _queries[id] = (state, _queries[id].Polls);

    public IReadOnlyCollection<string> Running => _queries.Where(q => q.Value.State == "RUNNING").Select(q => q.Key).ToList();

    public Task<StartQueryExecutionResponse> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken = default)
    {
        Starts.Enqueue(request);
        if (Interlocked.Decrement(ref _throttles) >= 0)
        {
            throw new TooManyRequestsException("Rate exceeded", "TooManyRequestsException", null, System.Net.HttpStatusCode.BadRequest);
        }

        string id = _byToken.GetOrAdd(request.ClientRequestToken!, _ =>
        {
            string created = "q-" + Guid.NewGuid().ToString("N")[..8];
            _queries[created] = ("RUNNING", 0);
            lock (_queries)
            {
                MaxRunning = Math.Max(MaxRunning, Interlocked.Increment(ref _running));
            }

            return created;
        });
        return Task.FromResult(new StartQueryExecutionResponse { QueryExecutionId = id });
    }

    public Task<GetQueryExecutionResponse> GetQueryExecutionAsync(GetQueryExecutionRequest request, CancellationToken cancellationToken = default)
    {
        var (state, polls) = _queries[request.QueryExecutionId!];
        polls++;
        if (state == "RUNNING" && FinishAfterPolls is { } after && polls >= after)
        {
            state = FinalState;
        }

        if (state != "RUNNING" && _queries[request.QueryExecutionId!].State == "RUNNING")
        {
            Interlocked.Decrement(ref _running);
        }

        _queries[request.QueryExecutionId!] = (state, polls);
        return Task.FromResult(new GetQueryExecutionResponse
        {
            QueryExecution = new QueryExecution
            {
                QueryExecutionId = request.QueryExecutionId,
                Status = new QueryExecutionStatus
                {
                    State = state,
                    AthenaError = state == "FAILED" ? new AthenaError { ErrorMessage = "COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved" } : null,
                },
                Statistics = new QueryExecutionStatistics { DataScannedInBytes = 3_000_000, EngineExecutionTimeInMillis = 42 },
            },
        });
    }

    public Task<StopQueryExecutionResponse> StopQueryExecutionAsync(StopQueryExecutionRequest request, CancellationToken cancellationToken = default)
    {
        Stops.Enqueue(request.QueryExecutionId!);
        Finish(request.QueryExecutionId!, "CANCELLED");
        Interlocked.Decrement(ref _running);
        return Task.FromResult(new StopQueryExecutionResponse());
    }

    public Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GetQueryResultsResponse
        {
            ResultSet = new ResultSet
            {
                Rows =
                [
                    new Row { Data = [new Datum { VarCharValue = "rows" }] },
                    new Row { Data = [new Datum { VarCharValue = "7" }] },
                ],
            },
        });

    public Task<GetWorkGroupResponse> GetWorkGroupAsync(GetWorkGroupRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public void Dispose()
    {
    }
}
