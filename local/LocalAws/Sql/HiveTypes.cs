namespace LocalAws.Sql;

/// <summary>Glue/Hive column types ↔ DuckDB types ↔ the type names Athena reports in ColumnInfo.</summary>
internal static class HiveTypes
{
    public static string ToDuckDb(string hiveType)
    {
        var type = hiveType.Trim().ToLowerInvariant();
        if (type.StartsWith("decimal", StringComparison.Ordinal))
        {
            return type.ToUpperInvariant();
        }

        if (type.StartsWith("varchar", StringComparison.Ordinal) || type.StartsWith("char", StringComparison.Ordinal))
        {
            return "VARCHAR";
        }

        return type switch
        {
            "tinyint" => "TINYINT",
            "smallint" => "SMALLINT",
            "int" or "integer" => "INTEGER",
            "bigint" => "BIGINT",
            "float" => "FLOAT",
            "double" => "DOUBLE",
            "boolean" => "BOOLEAN",
            "date" => "DATE",
            "timestamp" => "TIMESTAMP",
            "binary" => "BLOB",
            _ => "VARCHAR",
        };
    }

    /// <summary>The Athena (Trino) type name for a DuckDB column type, as GetQueryResults reports it.</summary>
    public static string ToAthena(string duckDbType)
    {
        var type = duckDbType.Trim().ToUpperInvariant();
        if (type.StartsWith("DECIMAL", StringComparison.Ordinal))
        {
            return "decimal";
        }

        return type switch
        {
            "TINYINT" => "tinyint",
            "SMALLINT" => "smallint",
            "INTEGER" => "integer",
            "BIGINT" or "HUGEINT" or "UBIGINT" => "bigint",
            "FLOAT" => "float",
            "DOUBLE" => "double",
            "BOOLEAN" => "boolean",
            "DATE" => "date",
            "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" => "timestamp",
            "BLOB" => "varbinary",
            _ => "varchar",
        };
    }

    /// <summary>The Hive type a CTAS writes into the catalog for a DuckDB result column.</summary>
    public static string ToHive(string duckDbType)
    {
        var type = duckDbType.Trim().ToUpperInvariant();
        return type.StartsWith("DECIMAL", StringComparison.Ordinal)
            ? type.ToLowerInvariant()
            : ToAthena(type) switch
            {
                "integer" => "int",
                "varchar" => "string",
                "varbinary" => "binary",
                var other => other,
            };
    }
}
