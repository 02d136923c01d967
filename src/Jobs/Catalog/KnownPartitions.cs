namespace Orchestrator.Jobs.Catalog;

/// <summary>
/// Partitions known to be in the catalog, per table, so that a partition seen again (the next object of the same day, the
/// next run writing the same output folder) costs no call at all. Bounded: the least recently used entries go first, so a
/// process that runs for months over ever new partitions keeps a fixed footprint; an evicted partition costs one
/// AlreadyExists answer the next time, nothing worse. In-process only: after a restart the ledger's registered marks cover
/// raw partitions, and output partitions are asked once more.
/// </summary>
public sealed class KnownPartitions(int capacity = KnownPartitions.DefaultCapacity)
{
    /// <summary>About 10 MB at the longest keys this service writes; far more partitions than one task registers in a day.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<string>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<string> order = new();

    /// <summary>How many partitions are held now.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>True when the partition is known to exist (and marks it as recently used).</summary>
    public bool Contains(TableRef table, IReadOnlyList<string> values)
    {
        string key = Key(table, values);
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var node))
            {
                return false;
            }

            order.Remove(node);
            order.AddFirst(node);
            return true;
        }
    }

    /// <summary>Remembers that the partitions exist, evicting the least recently used beyond the capacity.</summary>
    public void Add(TableRef table, IEnumerable<IReadOnlyList<string>> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        lock (gate)
        {
            foreach (var values in partitions)
            {
                string key = Key(table, values);
                if (entries.TryGetValue(key, out var existing))
                {
                    order.Remove(existing);
                    order.AddFirst(existing);
                    continue;
                }

                entries[key] = order.AddFirst(key);
                while (entries.Count > capacity && order.Last is { } oldest)
                {
                    order.RemoveLast();
                    entries.Remove(oldest.Value);
                }
            }
        }
    }

    // Separators that cannot appear in a Glue name or a valid partition value (control characters are rejected).
    private static string Key(TableRef table, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(values);
        return $"{table.Database}\u001e{table.Table}\u001e{string.Join('\u001f', values)}";
    }
}
