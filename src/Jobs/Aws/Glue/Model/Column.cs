namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>A column: name, Hive type (<c>string</c>, <c>bigint</c>, …), comment.</summary>
public sealed class Column
{
    public string? Name { get; set; }

    public string? Type { get; set; }

    public string? Comment { get; set; }

    public Dictionary<string, string>? Parameters { get; set; }
}
