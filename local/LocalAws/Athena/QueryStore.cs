using LocalAws.Wire;

namespace LocalAws.Athena;

/// <summary>Query executions by id, and by ClientRequestToken for idempotent StartQueryExecution.</summary>
internal sealed class QueryStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, QueryExecution> _executions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QueryExecution> _tokens = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds <paramref name="execution"/>, or returns the execution an earlier call with the same token created (then
    /// <c>created</c> is false). The same token with a different query string is a client error, as on Athena.
    /// </summary>
    public (QueryExecution Execution, bool Created) Add(QueryExecution execution, string? clientRequestToken)
    {
        lock (_gate)
        {
            if (clientRequestToken is not null && _tokens.TryGetValue(clientRequestToken, out var existing))
            {
                return existing.SubmittedQuery == execution.SubmittedQuery && existing.WorkGroup == execution.WorkGroup
                       && existing.ExecutionParameters.SequenceEqual(execution.ExecutionParameters)
                    ? (existing, false)
                    : throw AthenaErrors.InvalidRequest("Idempotent parameters do not match", "INVALID_INPUT");
            }

            _executions.Add(execution.Id, execution);
            if (clientRequestToken is not null)
            {
                _tokens.Add(clientRequestToken, execution);
            }

            return (execution, true);
        }
    }

    /// <summary>Every execution with the token it was started with (for <c>/__admin/athena</c>).</summary>
    public IReadOnlyList<(QueryExecution Execution, string? Token)> List()
    {
        lock (_gate)
        {
            var tokens = _tokens.ToDictionary(t => t.Value.Id, t => t.Key, StringComparer.Ordinal);
            return [.. _executions.Values.OrderBy(e => e.Submitted).Select(e => (e, tokens.GetValueOrDefault(e.Id)))];
        }
    }

    public QueryExecution Get(string id)
    {
        lock (_gate)
        {
            return _executions.GetValueOrDefault(id)
                ?? throw AthenaErrors.InvalidRequest($"QueryExecution {id} was not found", "INVALID_INPUT");
        }
    }
}
