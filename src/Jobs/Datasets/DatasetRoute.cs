namespace Orchestrator.Jobs.Datasets;

/// <summary>
/// One dataset's prefix and key layout, checked once at start-up so that routing an object only reads the key.
/// </summary>
internal sealed class DatasetRoute
{
    private readonly IReadOnlyList<PartitionColumn> _columns;

    // For each partition segment of a key, the index of the column it holds; null for hive-style keys, where segment i
    // must be "column_i=value".
    private readonly int[]? _templateColumns;

    public DatasetRoute(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(dataset.Source);
        DatasetSource source = dataset.Source;
        Name = dataset.Name;
        Bucket = source.Bucket;
        Prefix = source.Prefix ?? string.Empty;
        _columns = source.Partitions ?? [];

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (PartitionColumn column in _columns)
        {
            if (!PartitionValueRules.IsValidIdentifier(column.Name) || !names.Add(column.Name))
            {
                throw new ArgumentException($"Dataset '{Name}': partition column '{column.Name}' is not a valid, unique column name.");
            }
        }

        _templateColumns = string.IsNullOrEmpty(source.KeyTemplate) ? null : ParseTemplate(source.KeyTemplate);
    }

    public string Name { get; }

    public string Bucket { get; }

    public string Prefix { get; }

    /// <summary>Reads the partition from the part of the key after <see cref="Prefix"/>; the key is known not to end in '/'.</summary>
    public RoutingDecision Read(string relativeKey)
    {
        var values = new string[_columns.Count];
        int start = 0;
        for (int segment = 0; segment < _columns.Count; segment++)
        {
            int columnIndex = _templateColumns?[segment] ?? segment;
            PartitionColumn column = _columns[columnIndex];
            int slash = relativeKey.IndexOf('/', start);
            if (slash < 0)
            {
                return Reject(
                    RejectReason.MissingPartition,
                    $"partition '{column.Name}' is missing: expected {_columns.Count} partition folders before the file name");
            }

            string text = relativeKey[start..slash];
            string value = text;
            if (_templateColumns is null)
            {
                // Hive style: the name is everything before the first '='; the value may itself contain '=' and is validated below.
                int equals = text.IndexOf('=', StringComparison.Ordinal);
                if (equals < 0 || !text.AsSpan(0, equals).SequenceEqual(column.Name))
                {
                    return Reject(
                        RejectReason.MissingPartition,
                        $"folder {segment + 1} is {LogText.Quote(text)}, expected '{column.Name}=<value>'");
                }

                value = text[(equals + 1)..];
            }

            if (!PartitionValueRules.IsValid(value, column.Type))
            {
                return Reject(
                    RejectReason.InvalidPartitionValue,
                    $"partition '{column.Name}' value {LogText.Quote(value)} is not {PartitionValueRules.Describe(column.Type)}");
            }

            values[columnIndex] = value;
            start = slash + 1;
        }

        if (start >= relativeKey.Length)
        {
            return Reject(RejectReason.MissingPartition, "no file name after the partition folders");
        }

        return RoutingDecision.Accept(Name, string.Join('/', _columns.Select((column, i) => column.Name + "=" + values[i])));
    }

    private RoutingDecision Reject(RejectReason reason, string detail) => RoutingDecision.Reject(reason, detail, Name);

    /// <summary>
    /// A template is folders of <c>{column}</c> only (<c>{year}/{month}/{day}/</c>), naming every partition column exactly once.
    /// Literal folders are not supported: put fixed text in the prefix instead.
    /// </summary>
    private int[] ParseTemplate(string template)
    {
        string[] segments = template.TrimEnd('/').Split('/');
        var indexes = new int[segments.Length];
        for (int i = 0; i < segments.Length; i++)
        {
            string segment = segments[i];
            int index = segment.Length > 2 && segment[0] == '{' && segment[^1] == '}'
                ? IndexOfColumn(segment[1..^1])
                : -1;
            if (index < 0 || indexes.AsSpan(0, i).Contains(index))
            {
                throw new ArgumentException(
                    $"Dataset '{Name}': key template folder '{segment}' is not a '{{column}}' naming a partition column once.");
            }

            indexes[i] = index;
        }

        if (indexes.Length != _columns.Count)
        {
            throw new ArgumentException($"Dataset '{Name}': key template must name all {_columns.Count} partition columns.");
        }

        return indexes;
    }

    private int IndexOfColumn(string name)
    {
        for (int i = 0; i < _columns.Count; i++)
        {
            if (string.Equals(_columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
