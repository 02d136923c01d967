using DuckDB.NET.Data;
using LocalAws.Glue.Catalog;
using LocalAws.Glue.Jobs;
using LocalAws.Sql;
using LocalAws.Storage;
using LocalAws.Wire;

namespace LocalAws.Glue.RawToCurated;

/// <summary>
/// The local equivalent of the reference job <c>raw_to_curated</c>: reads the source table's CSV objects under its
/// registered partitions that the bookmark lets through, writes Parquet partitioned like the output table under the
/// output table's location, and returns what it read so an enabled bookmark can advance. Output is built in a temp
/// folder first, so a bad input fails the run before anything reaches S3. Output partitions are NOT registered:
/// that is the orchestrator's job, as with the real script.
/// </summary>
internal sealed class RawToCuratedJob(GlueCatalog catalog, S3Storage s3, TableFiles tableFiles) : ILocalJobScript
{
    public const string ScriptName = "raw_to_curated";

    public bool Handles(GlueJob job, IReadOnlyDictionary<string, string> arguments) =>
        arguments.GetValueOrDefault("--local-script") == ScriptName
        || (job.ScriptLocation is { } location && Path.GetFileNameWithoutExtension(location) == ScriptName);

    public async Task<IReadOnlyCollection<string>> RunAsync(LocalJobContext context, CancellationToken cancellationToken)
    {
        var arguments = RawToCuratedArguments.From(context.Arguments);
        var (source, partitions) = Catalog(() => catalog.Snapshot(arguments.SourceDatabase, arguments.SourceTable));
        var target = Catalog(() => catalog.GetTable(arguments.TargetDatabase, arguments.TargetTable));
        if (!S3Location.TryParse(TableSchema.Location(target), out var targetLocation))
        {
            throw new JobFailedException($"Output table {arguments.TargetDatabase}.{arguments.TargetTable} has no s3:// location");
        }

        var inputs = (await tableFiles.ListAsync(source, partitions, cancellationToken))
            .SelectMany(p => p.Objects)
            .Where(o => context.Selection.Allows(o.Uri))
            .DistinctBy(o => o.Uri)
            .ToList();
        if (inputs.Count == 0)
        {
            return [];
        }

        using var temp = new TempFolder("raw-to-curated");
        var localFiles = new List<string>();
        foreach (var (input, index) in inputs.Select((o, i) => (o, i)))
        {
            var path = Path.Combine(temp.Path, $"in-{index}.csv");
            await s3.DownloadAsync(input, path, cancellationToken);
            await RequireHeaderAsync(path, input, cancellationToken);
            localFiles.Add(path);
        }

        var output = Path.Combine(temp.Path, "out");
        Transform(localFiles, target, output, context.Run.Id);
        foreach (var file in Directory.EnumerateFiles(output, "*.parquet", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(output, file).Replace(Path.DirectorySeparatorChar, '/');
            await s3.UploadFileAsync(targetLocation.Child(relative), file, cancellationToken);
        }

        return [.. inputs.Select(o => o.Uri)];
    }

    private static void Transform(IReadOnlyList<string> csvFiles, System.Text.Json.Nodes.JsonObject target, string output, string runId)
    {
        var columns = string.Join(", ", RawCsvSchema.Columns.Select(c => $"{SqlText.Literal(c.Name)}: {SqlText.Literal(c.DuckDbType)}"));
        var select = string.Join(", ", OutputColumns(target));
        var partitionKeys = TableSchema.PartitionKeys(target).Select(k => SqlText.Identifier(k.Name)).ToList();
        using var duck = new DuckDbSession();
        try
        {
            duck.Execute($"CREATE TABLE raw AS SELECT * FROM read_csv({SqlText.List(csvFiles)}, header = true, auto_detect = false, "
                + $"delim = ',', quote = '\"', columns = {{{columns}}})");
            Directory.CreateDirectory(output);
            var prefix = $"part-{runId}-";
            duck.Execute(partitionKeys.Count == 0
                ? $"COPY (SELECT {select} FROM raw) TO {SqlText.Literal(Path.Combine(output, prefix + "0.parquet"))} (FORMAT PARQUET)"
                : $"COPY (SELECT {select} FROM raw) TO {SqlText.Literal(output)} (FORMAT PARQUET, "
                    + $"PARTITION_BY ({string.Join(", ", partitionKeys)}), FILENAME_PATTERN {SqlText.Literal(prefix + "{i}")})");
        }
        catch (DuckDBException error)
        {
            // What a Spark job reports when a row does not parse against the schema.
            throw new JobFailedException($"An error occurred while calling o92.pyWriteDynamicFrame. Malformed CSV record: {error.Message}");
        }
    }

    private static IEnumerable<string> OutputColumns(System.Text.Json.Nodes.JsonObject target)
    {
        var raw = RawCsvSchema.Columns.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var columns = TableSchema.Columns(target);
        foreach (var (name, type) in columns.Count > 0 ? columns : RawCsvSchema.Columns.Select(c => (c.Name, "string")))
        {
            if (!raw.Contains(name))
            {
                throw new JobFailedException($"AnalysisException: cannot resolve '{name}' given input columns: [{RawCsvSchema.Header}]");
            }

            var cast = columns.Count > 0 ? HiveTypes.ToDuckDb(type) : RawCsvSchema.Columns.First(c => c.Name == name).DuckDbType;
            yield return $"CAST({SqlText.Identifier(name)} AS {cast}) AS {SqlText.Identifier(name)}";
        }

        foreach (var (name, _) in TableSchema.PartitionKeys(target))
        {
            var expression = RawCsvSchema.DerivedPartition(name) ?? (raw.Contains(name) ? SqlText.Identifier(name)
                : throw new JobFailedException($"AnalysisException: cannot derive partition column '{name}' from [{RawCsvSchema.Header}]"));
            yield return $"{expression} AS {SqlText.Identifier(name)}";
        }
    }

    private static async Task RequireHeaderAsync(string path, S3ObjectInfo input, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        var header = (await reader.ReadLineAsync(cancellationToken))?.Trim().TrimStart('\uFEFF') ?? string.Empty;
        if (!string.Equals(header.Replace(" ", string.Empty, StringComparison.Ordinal), RawCsvSchema.Header, StringComparison.OrdinalIgnoreCase))
        {
            throw new JobFailedException(
                $"AnalysisException: CSV header of {input.Uri} is '{header}', expected '{RawCsvSchema.Header}'");
        }
    }

    private static T Catalog<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (AwsServiceException error)
        {
            throw new JobFailedException($"{error.ErrorCode}: {error.Message}");
        }
    }
}
