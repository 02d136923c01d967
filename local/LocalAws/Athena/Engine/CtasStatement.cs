using System.Text.Json.Nodes;
using LocalAws.Athena.Statements;
using LocalAws.Glue.Catalog;
using LocalAws.Sql;
using LocalAws.Storage;

namespace LocalAws.Athena.Engine;

/// <summary>
/// CREATE TABLE AS SELECT: runs the query with DuckDB, writes Parquet (or CSV for TEXTFILE) under external_location
/// (default: the result location's <c>tables/&lt;query id&gt;/</c>, as Athena does), registers the table and its
/// partitions in the catalog, and reports the row count.
/// </summary>
internal sealed class CtasStatement(TableViews views, GlueCatalog catalog, S3Storage s3) : IStatement
{
    public StatementHandler Handles => StatementHandler.CreateTableAsSelect;

    public async Task<QueryResult> ExecuteAsync(QueryExecution execution, CancellationToken cancellationToken)
    {
        var options = CtasOptions.Parse(StatementClassifier.StripComments(execution.Query))
            ?? throw QueryFailedException.Syntax("mismatched input in CREATE TABLE AS");
        var (database, name) = new SqlCursor(options.Name).TableName(execution.Database);
        if (catalog.TableExists(database, name))
        {
            return options.IfNotExists
                ? QueryResult.Empty()
                : throw new QueryFailedException($"TABLE_ALREADY_EXISTS: line 1:1: Destination table 'awsdatacatalog.{database}.{name}' already exists");
        }

        var location = Location(options, execution);
        if ((await s3.ListAsync(location, cancellationToken)).Count > 0)
        {
            throw new QueryFailedException(
                $"HIVE_PATH_ALREADY_EXISTS: Target directory for table '{database}.{name}' already exists: {location}. "
                + "You may need to manually clean the data at location before retrying.");
        }

        using var temp = new TempFolder("ctas");
        using var duck = new DuckDbSession();
        var (result, scanned, _) = await SelectStatement.RunAsync(views, duck, temp, options.Query, execution.Database, cancellationToken);
        var names = result.Columns.Select(c => c.Name.ToLowerInvariant()).ToList();
        if (options.PartitionedBy.Any(p => !names.Contains(p)) || !names.TakeLast(options.PartitionedBy.Count).SequenceEqual(options.PartitionedBy))
        {
            throw new QueryFailedException("INVALID_TABLE_PROPERTY: Partition keys must be the last columns in the table and in the same order as the partition keys");
        }

        var output = Path.Combine(temp.Path, "out");
        Directory.CreateDirectory(output);
        Write(duck, options, output, execution.Id);
        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToList();
        foreach (var file in files)
        {
            await s3.UploadFileAsync(location.Child(Path.GetRelativePath(output, file).Replace(Path.DirectorySeparatorChar, '/')), file, cancellationToken);
        }

        Register(database, name, options, result, location, files.Select(f => Path.GetRelativePath(output, f).Replace(Path.DirectorySeparatorChar, '/')));
        return new QueryResult([new ResultColumn("rows", "bigint", 19, 0)], [[result.Rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)]],
            scanned, options.WithData ? result.Rows.Count : 0);
    }

    private static S3Location Location(CtasOptions options, QueryExecution execution)
    {
        if (options.ExternalLocation is { } external)
        {
            return S3Location.TryParse(external, out var location) ? location
                : throw new QueryFailedException($"INVALID_TABLE_PROPERTY: external_location is not an s3:// location: {external}");
        }

        if (!S3Location.TryParse(execution.OutputLocation, out var output))
        {
            throw new QueryFailedException("INVALID_TABLE_PROPERTY: external_location is required when the result location is not in S3");
        }

        var folder = output.Key.Contains('/', StringComparison.Ordinal) ? output.Key[..(output.Key.LastIndexOf('/') + 1)] : string.Empty;
        return new S3Location(output.Bucket, $"{folder}tables/{execution.Id}/");
    }

    private static void Write(DuckDbSession duck, CtasOptions options, string output, string queryId)
    {
        var select = options.WithData ? "SELECT * FROM athena_result" : "SELECT * FROM athena_result WHERE false";
        var csv = options.Format.Equals("TEXTFILE", StringComparison.OrdinalIgnoreCase);
        var format = csv ? "FORMAT CSV, HEADER false" : "FORMAT PARQUET";
        var partitions = string.Join(", ", options.PartitionedBy.Select(SqlText.Identifier));
        duck.Execute(options.PartitionedBy.Count == 0
            ? $"COPY ({select}) TO {SqlText.Literal(Path.Combine(output, $"{queryId}-0.{(csv ? "csv" : "parquet")}"))} ({format})"
            : $"COPY ({select}) TO {SqlText.Literal(output)} ({format}, PARTITION_BY ({partitions}), FILENAME_PATTERN {SqlText.Literal(queryId + "-{i}")})");
    }

    private void Register(string database, string name, CtasOptions options, QueryResult result, S3Location location, IEnumerable<string> files)
    {
        var format = options.Format.Equals("TEXTFILE", StringComparison.OrdinalIgnoreCase) ? "TEXTFILE" : "PARQUET";
        var (input, output, serde) = StorageFormats.For(format);
        var hiveColumns = result.Columns.Select(c => (c.Name.ToLowerInvariant(), AthenaToHive(c))).ToList();
        var data = hiveColumns.Take(hiveColumns.Count - options.PartitionedBy.Count);
        var keys = hiveColumns.Skip(hiveColumns.Count - options.PartitionedBy.Count).ToList();
        var serdeParameters = new JsonObject();
        if (format == "TEXTFILE")
        {
            serdeParameters["field.delim"] = ",";
        }

        var parameters = new JsonObject { ["EXTERNAL"] = "TRUE", ["has_encrypted_data"] = "false" };
        if (options.TableType is { } tableType)
        {
            parameters["table_type"] = tableType.ToUpperInvariant();
        }

        var table = new JsonObject
        {
            ["Name"] = name,
            ["TableType"] = "EXTERNAL_TABLE",
            ["Parameters"] = parameters,
            ["PartitionKeys"] = StorageFormats.Columns(keys),
            ["StorageDescriptor"] = new JsonObject
            {
                ["Columns"] = StorageFormats.Columns(data),
                ["Location"] = location.ToString(),
                ["InputFormat"] = input,
                ["OutputFormat"] = output,
                ["SerdeInfo"] = new JsonObject { ["SerializationLibrary"] = serde, ["Parameters"] = serdeParameters },
                ["Compressed"] = false,
                ["NumberOfBuckets"] = 0,
            },
        };
        CatalogAccess.Run(() => catalog.CreateTable(database, table));
        var keyNames = keys.Select(k => k.Item1).ToList();
        foreach (var values in files.Select(f => HivePath.Values(f, keyNames)).Where(v => v is not null && keyNames.Count > 0)
            .DistinctBy(v => string.Join('\u001f', v!)))
        {
            catalog.TryAddPartition(database, name, PartitionSpec.Input(table, values!, location.Child(HivePath.Folder(keyNames, values!)).ToString()));
        }
    }

    private static string AthenaToHive(ResultColumn column) => column.Type switch
    {
        "decimal" => $"decimal({column.Precision},{column.Scale})",
        "integer" => "int",
        "varchar" => "string",
        "varbinary" => "binary",
        var other => other,
    };
}
