using System.Text.Json.Nodes;
using LocalAws.Wire;

namespace LocalAws.Athena.Statements;

/// <summary>
/// <c>CREATE [EXTERNAL] TABLE [IF NOT EXISTS] [db.]name (cols) [COMMENT] [PARTITIONED BY (…)] [ROW FORMAT …] [STORED AS …]
/// [LOCATION '…'] [TBLPROPERTIES (…)]</c>, turned into the TableInput Athena would send to Glue.
/// </summary>
internal sealed record CreateTableStatement(string Database, bool IfNotExists, JsonObject TableInput)
{
    public static CreateTableStatement Parse(string sql, string? defaultDatabase)
    {
        var cursor = new SqlCursor(sql);
        cursor.ExpectWords("CREATE");
        var external = cursor.AcceptWords("EXTERNAL");
        cursor.ExpectWords("TABLE");
        var ifNotExists = cursor.AcceptWords("IF", "NOT", "EXISTS");
        var (database, name) = cursor.TableName(defaultDatabase);
        var columns = ColumnList(cursor, requireTypes: true);

        var partitionKeys = new List<(string Name, string Type)>();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var serdeParameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var (input, output, serde) = StorageFormats.For("TEXTFILE");
        string? location = null;
        string? comment = null;
        while (!cursor.AtEnd)
        {
            if (cursor.AcceptWords("COMMENT"))
            {
                comment = cursor.StringLiteral();
            }
            else if (cursor.AcceptWords("PARTITIONED", "BY"))
            {
                // Iceberg partitions are transforms (day(ts), bucket(16, id)) without types; they are not Glue partition keys.
                partitionKeys.AddRange(ColumnList(cursor, requireTypes: false).Where(c => c.Type.Length > 0));
            }
            else if (cursor.AcceptWords("ROW", "FORMAT", "DELIMITED"))
            {
                RowFormatDelimited(cursor, serdeParameters);
            }
            else if (cursor.AcceptWords("ROW", "FORMAT", "SERDE"))
            {
                serde = cursor.StringLiteral();
                if (cursor.AcceptWords("WITH", "SERDEPROPERTIES"))
                {
                    foreach (var (key, value) in cursor.Properties())
                    {
                        serdeParameters[key] = value;
                    }
                }
            }
            else if (cursor.AcceptWords("STORED", "AS", "INPUTFORMAT"))
            {
                input = cursor.StringLiteral();
                cursor.ExpectWords("OUTPUTFORMAT");
                output = cursor.StringLiteral();
            }
            else if (cursor.AcceptWords("STORED", "AS"))
            {
                var keepSerde = serde != StorageFormats.LazySimpleSerDe;
                var format = StorageFormats.For(cursor.Identifier());
                (input, output) = (format.Input, format.Output);
                serde = keepSerde ? serde : format.SerDe;
            }
            else if (cursor.AcceptWords("LOCATION"))
            {
                location = cursor.StringLiteral();
            }
            else if (cursor.AcceptWords("TBLPROPERTIES"))
            {
                foreach (var (key, value) in cursor.Properties())
                {
                    parameters[key] = value;
                }
            }
            else
            {
                throw QueryFailedException.Syntax($"mismatched input '{cursor.Peek.Text}'");
            }
        }

        if (external)
        {
            parameters["EXTERNAL"] = "TRUE";
        }

        if (location is null && !parameters.ContainsKey("table_type"))
        {
            throw new QueryFailedException("line 1:1: External tables must have a LOCATION");
        }

        var storage = new JsonObject
        {
            ["Columns"] = StorageFormats.Columns(columns),
            ["InputFormat"] = input,
            ["OutputFormat"] = output,
            ["Compressed"] = false,
            ["NumberOfBuckets"] = -1,
            ["SerdeInfo"] = new JsonObject { ["SerializationLibrary"] = serde, ["Parameters"] = serdeParameters.ToJsonObject() },
            ["BucketColumns"] = new JsonArray(),
            ["SortColumns"] = new JsonArray(),
            ["StoredAsSubDirectories"] = false,
        };
        if (location is not null)
        {
            storage["Location"] = location;
        }

        var table = new JsonObject
        {
            ["Name"] = name,
            ["StorageDescriptor"] = storage,
            ["PartitionKeys"] = StorageFormats.Columns(partitionKeys),
            ["TableType"] = "EXTERNAL_TABLE",
            ["Parameters"] = parameters.ToJsonObject(),
        };
        if (comment is not null)
        {
            table["Description"] = comment;
        }

        return new CreateTableStatement(database, ifNotExists, table);
    }

    private static List<(string Name, string Type)> ColumnList(SqlCursor cursor, bool requireTypes)
    {
        var columns = new List<(string Name, string Type)>();
        cursor.ExpectSymbol("(");
        do
        {
            var name = cursor.Identifier();
            if (cursor.Peek.IsSymbol("("))
            {
                // A partition transform such as day(ts): skip its arguments.
                while (!cursor.AcceptSymbol(")"))
                {
                    cursor.Next();
                }

                columns.Add((name, string.Empty));
                continue;
            }

            var type = requireTypes || cursor.Peek.IsIdentifier ? cursor.Type() : string.Empty;
            if (cursor.AcceptWords("COMMENT"))
            {
                cursor.StringLiteral();
            }

            columns.Add((name, type));
        }
        while (cursor.AcceptSymbol(","));

        cursor.ExpectSymbol(")");
        return columns;
    }

    private static void RowFormatDelimited(SqlCursor cursor, Dictionary<string, string> serdeParameters)
    {
        while (true)
        {
            if (cursor.AcceptWords("FIELDS", "TERMINATED", "BY"))
            {
                var delimiter = cursor.StringLiteral();
                serdeParameters["field.delim"] = delimiter;
                serdeParameters["serialization.format"] = delimiter;
            }
            else if (cursor.AcceptWords("ESCAPED", "BY"))
            {
                serdeParameters["escape.delim"] = cursor.StringLiteral();
            }
            else if (cursor.AcceptWords("COLLECTION", "ITEMS", "TERMINATED", "BY"))
            {
                serdeParameters["collection.delim"] = cursor.StringLiteral();
            }
            else if (cursor.AcceptWords("MAP", "KEYS", "TERMINATED", "BY"))
            {
                serdeParameters["mapkey.delim"] = cursor.StringLiteral();
            }
            else if (cursor.AcceptWords("LINES", "TERMINATED", "BY"))
            {
                serdeParameters["line.delim"] = cursor.StringLiteral();
            }
            else if (cursor.AcceptWords("NULL", "DEFINED", "AS"))
            {
                serdeParameters["serialization.null.format"] = cursor.StringLiteral();
            }
            else
            {
                return;
            }
        }
    }
}
