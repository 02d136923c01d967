using System.Text.Json.Nodes;
using LocalAws.Wire;

namespace LocalAws.Athena;

/// <summary>One query execution and its state machine QUEUED → RUNNING → SUCCEEDED / FAILED / CANCELLED.</summary>
// CA1001: the token source has no timer or handle to release; runs live as long as the emulator keeps its history.
#pragma warning disable CA1001
internal sealed class QueryExecution
#pragma warning restore CA1001
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _cancel = new();
    private string _state = QueryStates.Queued;
    private string? _reason;
    private QueryFailedException? _error;
    private DateTimeOffset? _runningSince;
    private DateTimeOffset? _completed;

    public QueryExecution(string id, string query, StatementKind kind, string workGroup, string? database, string catalog,
        string outputLocation, DateTimeOffset submitted, string? submittedQuery = null, IReadOnlyList<string>? executionParameters = null)
    {
        Id = id;
        Query = query;
        SubmittedQuery = submittedQuery ?? query;
        ExecutionParameters = executionParameters ?? [];
        Kind = kind;
        WorkGroup = workGroup;
        Database = database;
        Catalog = catalog;
        OutputLocation = outputLocation;
        Submitted = submitted;
    }

    public string Id { get; }

    /// <summary>The statement the emulator runs: the submitted text with its ExecutionParameters bound.</summary>
    public string Query { get; }

    /// <summary>The QueryString as submitted (with its <c>?</c> placeholders), which GetQueryExecution reports.</summary>
    public string SubmittedQuery { get; }

    /// <summary>The ExecutionParameters as submitted.</summary>
    public IReadOnlyList<string> ExecutionParameters { get; }

    public StatementKind Kind { get; }

    public string WorkGroup { get; }

    public string? Database { get; }

    public string Catalog { get; }

    /// <summary>The full result object location, <c>s3://…/&lt;QueryExecutionId&gt;.csv</c>.</summary>
    public string OutputLocation { get; }

    public DateTimeOffset Submitted { get; }

    public QueryResult? Result { get; private set; }

    public CancellationToken CancelRequested => _cancel.Token;

    public string State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public string? StateChangeReason
    {
        get
        {
            lock (_gate)
            {
                return _reason;
            }
        }
    }

    public bool MarkRunning(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_state != QueryStates.Queued)
            {
                return false;
            }

            _state = QueryStates.Running;
            _runningSince = now;
            return true;
        }
    }

    public void Succeed(QueryResult result, DateTimeOffset now) => End(QueryStates.Succeeded, now, null, null, result);

    public void Fail(QueryFailedException error, DateTimeOffset now) => End(QueryStates.Failed, now, error.Message, error, null);

    /// <summary>StopQueryExecution: cancels a queued or running query; a finished one is left as it is (Athena does the same).</summary>
    public void Cancel(DateTimeOffset now)
    {
        if (End(QueryStates.Cancelled, now, "Query cancelled by user", null, null))
        {
            _cancel.Cancel();
        }
    }

    public JsonObject ToJson()
    {
        lock (_gate)
        {
            var status = new JsonObject { ["State"] = _state, ["SubmissionDateTime"] = EpochSeconds.From(Submitted) };
            if (_reason is not null)
            {
                status["StateChangeReason"] = _reason;
            }

            if (_completed is { } completed)
            {
                status["CompletionDateTime"] = EpochSeconds.From(completed);
            }

            if (_error is not null)
            {
                status["AthenaError"] = new JsonObject
                {
                    ["ErrorCategory"] = _error.Category,
                    ["ErrorType"] = _error.ErrorType,
                    ["Retryable"] = _error.Category == AthenaErrorTypes.CategorySystem,
                    ["ErrorMessage"] = _error.Message,
                };
            }

            var context = new JsonObject { ["Catalog"] = Catalog };
            if (Database is not null)
            {
                context["Database"] = Database;
            }

            var json = new JsonObject
            {
                ["QueryExecutionId"] = Id,
                ["Query"] = SubmittedQuery,
                ["StatementType"] = Kind.StatementType,
                ["SubstatementType"] = Kind.SubstatementType,
                ["ResultConfiguration"] = new JsonObject { ["OutputLocation"] = OutputLocation },
                ["ResultReuseConfiguration"] = new JsonObject
                {
                    ["ResultReuseByAgeConfiguration"] = new JsonObject { ["Enabled"] = false },
                },
                ["QueryExecutionContext"] = context,
                ["Status"] = status,
                ["Statistics"] = Statistics(),
                ["WorkGroup"] = WorkGroup,
                ["EngineVersion"] = new JsonObject
                {
                    ["SelectedEngineVersion"] = "AUTO",
                    ["EffectiveEngineVersion"] = "Athena engine version 3",
                },
            };
            if (ExecutionParameters.Count > 0)
            {
                json["ExecutionParameters"] = new JsonArray([.. ExecutionParameters.Select(p => JsonValue.Create(p))]);
            }

            return json;
        }
    }

    private JsonObject Statistics()
    {
        var end = _completed ?? _runningSince ?? Submitted;
        var engine = _runningSince is { } running ? (long)(end - running).TotalMilliseconds : 0;
        var queue = (long)((_runningSince ?? end) - Submitted).TotalMilliseconds;
        return new JsonObject
        {
            ["EngineExecutionTimeInMillis"] = engine,
            ["DataScannedInBytes"] = Result?.DataScannedInBytes ?? 0,
            ["TotalExecutionTimeInMillis"] = (long)(end - Submitted).TotalMilliseconds,
            ["QueryQueueTimeInMillis"] = queue,
            ["ServicePreProcessingTimeInMillis"] = 0,
            ["QueryPlanningTimeInMillis"] = 0,
            ["ServiceProcessingTimeInMillis"] = 0,
            ["ResultReuseInformation"] = new JsonObject { ["ReusedPreviousResult"] = false },
        };
    }

    private bool End(string state, DateTimeOffset now, string? reason, QueryFailedException? error, QueryResult? result)
    {
        lock (_gate)
        {
            if (QueryStates.IsTerminal(_state))
            {
                return false;
            }

            _state = state;
            _reason = reason;
            _error = error;
            _completed = now;
            Result = result;
            return true;
        }
    }
}
