namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>A segment of a table's partitions, for reading them in parallel.</summary>
public sealed class Segment
{
    public int? SegmentNumber { get; set; }

    public int? TotalSegments { get; set; }
}
