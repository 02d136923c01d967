using Orchestrator.Jobs.Objects;

namespace Orchestrator.Jobs.Ledger;

/// <summary>What both stores do to a batch before writing it, so their semantics cannot drift apart.</summary>
internal static class LedgerBatch
{
    /// <summary>
    /// Stored sequencers are right-padded to this width so that plain text comparison in SQL follows S3's rule
    /// (pad the shorter with zeros, then compare). S3 sends 16–20 hex digits; 64 leaves ample room.
    /// </summary>
    public const int SequencerWidth = 64;

    /// <summary>The name under which the ledger's migrations are recorded in <c>schema_version</c>.</summary>
    public const string SchemaComponent = "ledger";

    /// <summary>
    /// Validates the batch and orders it by identity. A fixed order means concurrent transactions lock rows in the same
    /// order, so overlapping batches queue behind each other instead of deadlocking. The sort is stable: events for the
    /// same object keep their arrival order.
    /// </summary>
    public static LedgerRecord[] InLockOrder(IReadOnlyList<LedgerRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (LedgerRecord record in records)
        {
            ArgumentNullException.ThrowIfNull(record, nameof(records));
            ArgumentNullException.ThrowIfNull(record.Event, nameof(records));
            if (!Enum.IsDefined(record.State))
            {
                throw new ArgumentOutOfRangeException(nameof(records), record.State, "Undefined object state.");
            }
        }

        return [.. records
            .OrderBy(r => r.Event.Bucket, StringComparer.Ordinal)
            .ThenBy(r => r.Event.Key, StringComparer.Ordinal)
            .ThenBy(r => VersionKey(r.Event.VersionId), StringComparer.Ordinal)];
    }

    /// <summary>Null version ids are stored as '' because a null cannot take part in a primary key's equality.</summary>
    public static string VersionKey(string? versionId) => versionId ?? string.Empty;

    /// <summary>The comparable form of a sequencer; '' when missing, so any present sequencer counts as later.</summary>
    public static string SequencerKey(string? sequencer) =>
        string.IsNullOrEmpty(sequencer) ? string.Empty : SequencerOrder.Normalize(sequencer, SequencerWidth);

    /// <summary>The version id as callers see it: '' back to null.</summary>
    public static string? VersionFromKey(string stored) => stored.Length == 0 ? null : stored;

    /// <summary>
    /// The WHERE clause for a list query, naming only the filters that are set: an "@p IS NULL OR column = @p" form
    /// would keep the planner from using the (dataset, state) index.
    /// </summary>
    public static string ListFilter(LedgerQuery query, string datasetParameter, string stateParameter)
    {
        ArgumentNullException.ThrowIfNull(query);
        string dataset = query.Dataset is null ? "TRUE" : $"dataset = {datasetParameter}";
        string state = query.State is null ? "TRUE" : $"state = {stateParameter}";
        return $"{dataset} AND {state}";
    }
}
