namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Skewed values of a table.</summary>
public sealed class SkewedInfo
{
    public List<string>? SkewedColumnNames { get; set; }

    public List<string>? SkewedColumnValues { get; set; }

    public Dictionary<string, string>? SkewedColumnValueLocationMaps { get; set; }
}
