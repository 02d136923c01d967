namespace Orchestrator.Jobs.Datasets;

/// <summary>The Glue/Hive types a partition column may have; values are validated against them before they reach the catalog.</summary>
public enum PartitionColumnType
{
    /// <summary>Hive <c>string</c>: a safe character set only (see <see cref="PartitionValueRules"/>).</summary>
    String,

    /// <summary>Hive <c>int</c> (32-bit).</summary>
    Int,

    /// <summary>Hive <c>bigint</c> (64-bit).</summary>
    BigInt,

    /// <summary>Hive <c>date</c>, <c>yyyy-MM-dd</c>.</summary>
    Date,
}
