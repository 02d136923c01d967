namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>A sort column: <see cref="SortOrder"/> is 1 for ascending, 0 for descending.</summary>
public sealed class Order
{
    public string? Column { get; set; }

    public int? SortOrder { get; set; }
}
