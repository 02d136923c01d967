namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>One value of a row; <see cref="VarCharValue"/> is null for SQL NULL.</summary>
public sealed class Datum
{
    public string? VarCharValue { get; set; }
}
