using System.Text.Json.Nodes;

namespace LocalAws.Athena.Statements;

/// <summary>The InputFormat/OutputFormat/SerDe triples Athena writes into the Glue catalog for STORED AS.</summary>
internal static class StorageFormats
{
    public const string LazySimpleSerDe = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";

    public static (string Input, string Output, string SerDe) For(string storedAs) => storedAs.ToUpperInvariant() switch
    {
        "PARQUET" => ("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
            "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
            "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"),
        "ORC" => ("org.apache.hadoop.hive.ql.io.orc.OrcInputFormat", "org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat",
            "org.apache.hadoop.hive.ql.io.orc.OrcSerde"),
        "JSON" => ("org.apache.hadoop.mapred.TextInputFormat", "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
            "org.openx.data.jsonserde.JsonSerDe"),
        _ => ("org.apache.hadoop.mapred.TextInputFormat", "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat", LazySimpleSerDe),
    };

    public static JsonArray Columns(IEnumerable<(string Name, string Type)> columns) =>
        new([.. columns.Select(c => new JsonObject { ["Name"] = c.Name, ["Type"] = c.Type })]);
}
