using System.Globalization;
using LocalAws.Sql;

namespace LocalAws.Athena.Engine;

/// <summary>Reads a DuckDB table into Athena's result shape: typed columns and text values formatted as Athena prints them.</summary>
internal static class ResultReader
{
    public static (List<ResultColumn> Columns, List<string?[]> Rows) Read(DuckDbSession duck, string tableName)
    {
        var columns = new List<ResultColumn>();
        duck.Read($"DESCRIBE {tableName}", row => columns.Add(Column(ColumnName(row.GetString(0), columns.Count), row.GetString(1))));
        var rows = new List<string?[]>();
        duck.Read($"SELECT * FROM {tableName}", row =>
        {
            var values = new string?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                values[i] = row.IsDBNull(i) ? null : Format(row.GetValue(i), columns[i].Type);
            }

            rows.Add(values);
        });
        return (columns, rows);
    }

    // Athena names expressions without an alias _col0, _col1, … by position; DuckDB names them after the expression.
    private static string ColumnName(string name, int index) =>
        name.All(c => char.IsLetterOrDigit(c) || c == '_') ? name : string.Create(CultureInfo.InvariantCulture, $"_col{index}");

    private static ResultColumn Column(string name, string duckType)
    {
        var type = HiveTypes.ToAthena(duckType);
        var (precision, scale) = type switch
        {
            "decimal" => DecimalShape(duckType),
            "varchar" => (2147483647, 0),
            "integer" => (10, 0),
            "bigint" => (19, 0),
            "double" => (17, 0),
            "timestamp" => (3, 0),
            _ => (0, 0),
        };
        return new ResultColumn(name, type, precision, scale);
    }

    private static (int Precision, int Scale) DecimalShape(string duckType)
    {
        var inner = duckType[(duckType.IndexOf('(', StringComparison.Ordinal) + 1)..^1].Split(',');
        return (int.Parse(inner[0], CultureInfo.InvariantCulture), int.Parse(inner[1], CultureInfo.InvariantCulture));
    }

    // Athena (Trino) prints doubles like Java (1.0, 2.5E10), dates as yyyy-MM-dd, timestamps with milliseconds.
    private static string Format(object value, string athenaType) => value switch
    {
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        bool b => b ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time when athenaType == "date" => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string FormatDouble(double value) =>
        Math.Abs(value) is >= 1e-3 and < 1e7 || value == 0
            ? (value == Math.Floor(value) ? value.ToString("0.0", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture))
            : value.ToString("0.0###############E0", CultureInfo.InvariantCulture);
}
