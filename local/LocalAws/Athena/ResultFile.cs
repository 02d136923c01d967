using System.Text;

namespace LocalAws.Athena;

/// <summary>The result object Athena writes next to each query: CSV with a header row, every value quoted, NULL as empty.</summary>
internal static class ResultFile
{
    public static string Csv(QueryResult result)
    {
        var text = new StringBuilder();
        if (result.Columns.Count > 0)
        {
            text.AppendJoin(',', result.Columns.Select(c => Quote(c.Name))).Append('\n');
        }

        foreach (var row in result.Rows)
        {
            text.AppendJoin(',', row.Select(v => v is null ? string.Empty : Quote(v))).Append('\n');
        }

        return text.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
