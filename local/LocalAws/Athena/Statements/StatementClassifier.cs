using System.Text.RegularExpressions;

namespace LocalAws.Athena.Statements;

/// <summary>Recognises the statement kinds the emulator runs, by their leading keywords (after comments).</summary>
internal static partial class StatementClassifier
{
    public static (StatementKind Kind, StatementHandler Handler) Classify(string sql)
    {
        var text = StripComments(sql);
        return text switch
        {
            _ when Ctas().IsMatch(text) => (new StatementKind("DML", "CREATE_TABLE_AS_SELECT"), StatementHandler.CreateTableAsSelect),
            _ when CreateTable().IsMatch(text) => (new StatementKind("DDL", "CREATE_TABLE"), StatementHandler.CreateTable),
            _ when DropTable().IsMatch(text) => (new StatementKind("DDL", "DROP_TABLE"), StatementHandler.DropTable),
            _ when AddPartition().IsMatch(text) => (new StatementKind("DDL", "ALTER_TABLE_ADD_PARTITION"), StatementHandler.AddPartition),
            _ when DropPartition().IsMatch(text) => (new StatementKind("DDL", "ALTER_TABLE_DROP_PARTITION"), StatementHandler.DropPartition),
            _ when SetPartitionLocation().IsMatch(text) => (new StatementKind("DDL", "ALTER_TABLE_SET_PARTITION_LOCATION"), StatementHandler.SetPartitionLocation),
            _ when Msck().IsMatch(text) => (new StatementKind("DDL", "MSCK_REPAIR_TABLE"), StatementHandler.MsckRepair),
            _ when Optimize().IsMatch(text) => (new StatementKind("DML", "OPTIMIZE"), StatementHandler.Optimize),
            _ when Vacuum().IsMatch(text) => (new StatementKind("DML", "VACUUM"), StatementHandler.Vacuum),
            _ when Select().IsMatch(text) => (new StatementKind("DML", "SELECT"), StatementHandler.Select),
            _ => (new StatementKind("DDL", "UNKNOWN"), StatementHandler.Unsupported),
        };
    }

    /// <summary>The statement without SQL comments, surrounding blanks or a trailing semicolon.</summary>
    public static string StripComments(string sql)
    {
        var text = LineComment().Replace(BlockComment().Replace(sql, " "), " ").Trim();
        return text.EndsWith(';') ? text[..^1].TrimEnd() : text;
    }

    [GeneratedRegex(@"^CREATE\s+TABLE\s+.*?\bAS\s*(\(\s*)?(SELECT|WITH)\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Ctas();

    [GeneratedRegex(@"^CREATE\s+(EXTERNAL\s+)?TABLE\b", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^DROP\s+TABLE\b", RegexOptions.IgnoreCase)]
    private static partial Regex DropTable();

    [GeneratedRegex(@"^ALTER\s+TABLE\s+\S+\s+ADD\s+(IF\s+NOT\s+EXISTS\s+)?PARTITION\b", RegexOptions.IgnoreCase)]
    private static partial Regex AddPartition();

    [GeneratedRegex(@"^ALTER\s+TABLE\s+\S+\s+DROP\s+(IF\s+EXISTS\s+)?PARTITION\b", RegexOptions.IgnoreCase)]
    private static partial Regex DropPartition();

    [GeneratedRegex(@"^ALTER\s+TABLE\s+\S+\s+PARTITION\s*\(.*\)\s*SET\s+LOCATION\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SetPartitionLocation();

    [GeneratedRegex(@"^MSCK\s+REPAIR\s+TABLE\b", RegexOptions.IgnoreCase)]
    private static partial Regex Msck();

    [GeneratedRegex(@"^OPTIMIZE\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Optimize();

    [GeneratedRegex(@"^VACUUM\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Vacuum();

    [GeneratedRegex(@"^\(?\s*(SELECT|WITH|VALUES)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Select();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();
}
