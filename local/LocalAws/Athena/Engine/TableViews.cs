using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LocalAws.Glue.Catalog;
using LocalAws.Sql;
using LocalAws.Storage;

namespace LocalAws.Athena.Engine;

/// <summary>
/// Makes the catalog tables a query names visible to DuckDB as views over local copies of their S3 objects. Only
/// registered partitions are read (all Hive folders for projection tables), and partition columns become columns,
/// exactly what Athena would scan.
/// </summary>
internal sealed partial class TableViews(GlueCatalog catalog, TableFiles tableFiles, S3Storage s3)
{
    /// <summary>Creates the views; returns the bytes downloaded (Athena's DataScannedInBytes).</summary>
    public async Task<long> CreateAsync(DuckDbSession duck, string sql, string? defaultDatabase, TempFolder temp, CancellationToken cancellationToken)
    {
        long scanned = 0;
        var databases = catalog.ListDatabases().Select(d => (string)d["Name"]!).ToList();
        var referenced = databases.Where(d => d == defaultDatabase?.ToLowerInvariant() || Mentions(sql, d, qualifier: true)).ToList();
        foreach (var database in referenced)
        {
            duck.Execute($"CREATE SCHEMA IF NOT EXISTS {SqlText.Identifier(database)}");
            foreach (var table in catalog.ListTables(database).Where(t => Mentions(sql, (string)t["Name"]!, qualifier: false)))
            {
                scanned += await CreateViewAsync(duck, database, (string)table["Name"]!, temp, cancellationToken);
            }
        }

        return scanned;
    }

    private async Task<long> CreateViewAsync(DuckDbSession duck, string database, string name, TempFolder temp, CancellationToken cancellationToken)
    {
        var (table, partitions) = catalog.Snapshot(database, name);
        var columns = TableSchema.Columns(table);
        var keys = TableSchema.PartitionKeys(table);
        var selects = new List<string>();
        long scanned = 0;
        foreach (var partition in await tableFiles.ListAsync(table, partitions, cancellationToken))
        {
            var files = new List<string>();
            foreach (var item in partition.Objects.Where(o => o.Size > 0))
            {
                var path = Path.Combine(temp.Path, $"{files.Count}-{Guid.NewGuid():N}");
                await s3.DownloadAsync(item, path, cancellationToken);
                files.Add(path);
                scanned += item.Size;
            }

            if (files.Count > 0)
            {
                var partitionColumns = keys.Zip(partition.Values, (k, v) =>
                    $"TRY_CAST({SqlText.Literal(v)} AS {HiveTypes.ToDuckDb(k.Type)}) AS {SqlText.Identifier(k.Name)}");
                var dataColumns = columns.Select(c => $"TRY_CAST({SqlText.Identifier(c.Name)} AS {HiveTypes.ToDuckDb(c.Type)}) AS {SqlText.Identifier(c.Name)}");
                selects.Add($"SELECT {string.Join(", ", dataColumns.Concat(partitionColumns))} FROM {Reader(table, columns, files)}");
            }
        }

        if (selects.Count == 0)
        {
            // No data: the view still has the table's columns and types, so queries bind and return no rows.
            var typed = columns.Concat(keys).Select(c => $"CAST(NULL AS {HiveTypes.ToDuckDb(c.Type)}) AS {SqlText.Identifier(c.Name)}");
            selects.Add($"SELECT {string.Join(", ", typed)} WHERE false");
        }

        duck.Execute($"CREATE VIEW {SqlText.Identifier(database)}.{SqlText.Identifier(name)} AS {string.Join(" UNION ALL ", selects)}");
        return scanned;
    }

    private static string Reader(JsonObject table, IReadOnlyList<(string Name, string Type)> columns, List<string> files)
    {
        if (TableSchema.IsParquet(table))
        {
            return $"read_parquet({SqlText.List(files)}, union_by_name = true)";
        }

        var serde = table["StorageDescriptor"]?["SerdeInfo"];
        var library = (string?)serde?["SerializationLibrary"] ?? string.Empty;
        var delimiter = (string?)serde?["Parameters"]?["field.delim"] ?? (string?)serde?["Parameters"]?["separatorChar"]
            ?? (library.Contains("OpenCSVSerde", StringComparison.Ordinal) ? "," : "\u0001");
        var header = TableSchema.Parameter(table, "skip.header.line.count") is "1" ? "true" : "false";
        var allText = string.Join(", ", columns.Select(c => $"{SqlText.Literal(c.Name)}: 'VARCHAR'"));
        // Read as text and TRY_CAST in the view: Hive SerDes turn unparsable values into NULL instead of failing.
        return $"read_csv({SqlText.List(files)}, header = {header}, delim = {SqlText.Literal(delimiter)}, quote = '\"', "
            + $"auto_detect = false, null_padding = true, strict_mode = false, columns = {{{allText}}})";
    }

    private static bool Mentions(string sql, string name, bool qualifier)
    {
        var pattern = $@"(?<![\w]){Regex.Escape(name)}(?![\w])|[""`]{Regex.Escape(name)}[""`]";
        var regex = new Regex(qualifier ? $"(?:{pattern})\\s*\\." : pattern, RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return regex.IsMatch(sql);
    }
}
