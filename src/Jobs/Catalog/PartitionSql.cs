using System.Globalization;
using System.Text;
using Orchestrator.Jobs.Datasets;

namespace Orchestrator.Jobs.Catalog;

/// <summary>
/// Builds <c>ALTER TABLE … ADD IF NOT EXISTS PARTITION (…) LOCATION '…'</c> statements from validated parts only. Object keys
/// are chosen by whoever may write to the bucket, so nothing from them is pasted into SQL: names must be Glue names (a-z, 0-9,
/// '_') and are backtick-quoted; every value is checked against its column's type first and then quoted; anything else is a
/// <see cref="PartitionRejectedException"/> before a statement exists. Batches are split so that every statement stays under
/// Athena's query-string limit.
/// </summary>
public static class PartitionSql
{
    /// <summary>Athena's limit on <c>StartQueryExecution.QueryString</c> (262,144 bytes); every statement stays below it.</summary>
    public const int MaxQueryBytes = 262_144;

    /// <summary>Glue's limit on a partition value (PartitionInput.Values members, 1,024 characters).</summary>
    public const int MaxValueLength = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The statements that add <paramref name="partitions"/> to <paramref name="table"/>: as few as possible, each one's UTF-8
    /// length below <paramref name="maxBytes"/>. Validates everything first, so a rejected value means no statement at all.
    /// </summary>
    public static IReadOnlyList<string> AddPartitions(TableRef table, IReadOnlyList<PartitionKey> keys, string tableLocation,
        IReadOnlyCollection<PartitionRegistrar.Target> partitions, int maxBytes = MaxQueryBytes)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(partitions);
        string header = $"ALTER TABLE {Identifier(table.Database)}.{Identifier(table.Table)} ADD IF NOT EXISTS";
        var clauses = partitions.Select(p => Clause(table, keys, tableLocation, p)).ToList();

        var statements = new List<string>();
        int headerBytes = Encoding.UTF8.GetByteCount(header);
        var current = new StringBuilder(header);
        int currentBytes = headerBytes;
        int inCurrent = 0;
        foreach (string clause in clauses)
        {
            int clauseBytes = Encoding.UTF8.GetByteCount(clause);
            if (headerBytes + clauseBytes >= maxBytes)
            {
                throw new PartitionRejectedException(
                    $"A partition of {table} needs {headerBytes + clauseBytes} bytes of DDL on its own; Athena accepts statements below {maxBytes} bytes.");
            }

            if (currentBytes + clauseBytes >= maxBytes)
            {
                statements.Add(current.ToString());
                current.Clear().Append(header);
                currentBytes = headerBytes;
                inCurrent = 0;
            }

            current.Append(clause);
            currentBytes += clauseBytes;
            inCurrent++;
        }

        if (inCurrent > 0)
        {
            statements.Add(current.ToString());
        }

        return statements;
    }

    /// <summary>A Glue name (database, table, column) quoted for Athena DDL; anything but <c>[a-z_][a-z0-9_]*</c> is rejected.</summary>
    public static string Identifier(string name) =>
        PartitionValueRules.IsValidIdentifier(name)
            ? $"`{name}`"
            : throw new PartitionRejectedException($"'{Show(name)}' is not a Glue name (lower-case a-z, 0-9, '_', starting with a letter or '_').");

    /// <summary>
    /// The literal for a value of a column of Glue type <paramref name="type"/>: tinyint/smallint/int/integer/bigint (ASCII digits
    /// with an optional '-', within the type's range), date (<c>yyyy-MM-dd</c>, a real day), string/varchar(n) (at most n and
    /// 1,024 characters, no backslash — Hive reads it as an escape — no control characters, well-formed Unicode). Every literal
    /// is single-quoted with <c>'</c> doubled; Hive keeps partition values as text, so <c>01</c> stays <c>01</c>, the value the
    /// Glue API path registers. Any other type is rejected: this service does not guess how to write it.
    /// </summary>
    public static string Literal(string column, string type, string value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        string normalized = type.Trim().ToLowerInvariant();
        string? problem = normalized switch
        {
            "tinyint" => Integer(value, sbyte.MinValue, sbyte.MaxValue),
            "smallint" => Integer(value, short.MinValue, short.MaxValue),
            "int" or "integer" => Integer(value, int.MinValue, int.MaxValue),
            "bigint" => Integer(value, long.MinValue, long.MaxValue),
            "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && value.Length == 10
                ? null : "is not a date (yyyy-MM-dd, a real calendar day)",
            "string" => Text(value, MaxValueLength),
            _ when VarcharLength(normalized) is { } length => Text(value, Math.Min(length, MaxValueLength)),
            _ => $"has type '{type}', which this service does not write into DDL (tinyint, smallint, int, bigint, date, string, varchar(n))",
        };
        return problem is null
            ? Quote(value)
            : throw new PartitionRejectedException($"Partition column {column}: value '{Show(value)}' {problem}.");
    }

    /// <summary>A LOCATION: an <c>s3://</c> URI with no backslash or control character, single-quoted with <c>'</c> doubled.</summary>
    public static string Location(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!location.StartsWith("s3://", StringComparison.Ordinal) || Text(location, int.MaxValue) is { } problem)
        {
            throw new PartitionRejectedException($"Location '{Show(location)}' is not an s3:// URI without backslashes or control characters.");
        }

        return Quote(location);
    }

    private static string Clause(TableRef table, IReadOnlyList<PartitionKey> keys, string tableLocation, PartitionRegistrar.Target partition)
    {
        if (partition.Values.Count != keys.Count)
        {
            throw new PartitionRejectedException(
                $"A partition of {table} has {partition.Values.Count} values for {keys.Count} partition columns ({string.Join(", ", keys.Select(k => k.Name))}).");
        }

        var clause = new StringBuilder(" PARTITION (");
        for (int i = 0; i < keys.Count; i++)
        {
            clause.Append(i == 0 ? "" : ", ").Append(Identifier(keys[i].Name)).Append(" = ").Append(Literal(keys[i].Name, keys[i].Type, partition.Values[i]));
        }

        return clause.Append(") LOCATION ").Append(Location(PartitionPath.Combine(tableLocation, partition.Folder))).ToString();
    }

    private static string? Integer(string value, long min, long max)
    {
        int start = value.StartsWith('-') ? 1 : 0;
        bool digits = value.Length > start && value.Length - start <= 20 && value.AsSpan(start).IndexOfAnyExceptInRange('0', '9') < 0;
        return digits && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed) && parsed >= min && parsed <= max
            ? null
            : $"is not an integer between {min} and {max} (ASCII digits, optional '-')";
    }

    private static string? Text(string value, int maxLength)
    {
        if (value.Length == 0 || value.Length > maxLength)
        {
            return $"must have 1 to {maxLength} characters";
        }

        if (value.Contains('\\', StringComparison.Ordinal) || value.Any(char.IsControl))
        {
            return "contains a backslash or a control character";
        }

        try
        {
            _ = StrictUtf8.GetByteCount(value);
            return null;
        }
        catch (EncoderFallbackException)
        {
            return "is not well-formed Unicode";
        }
    }

    private static int? VarcharLength(string type) =>
        type.StartsWith("varchar(", StringComparison.Ordinal) && type.EndsWith(')')
        && int.TryParse(type.AsSpan(8, type.Length - 9), NumberStyles.None, CultureInfo.InvariantCulture, out int length) && length > 0
            ? length
            : null;

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    // Rejection messages end up in logs and run errors: keep them on one line and short.
    private static string Show(string value)
    {
        string shown = new(value.Take(80).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return value.Length > 80 ? shown + "…" : shown;
    }
}
