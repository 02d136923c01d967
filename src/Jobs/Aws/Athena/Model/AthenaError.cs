namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>
/// Why a query failed: category 1 system, 2 user, 3 other; <see cref="Retryable"/> says whether running it again may help.
/// </summary>
public sealed class AthenaError
{
    public int? ErrorCategory { get; set; }

    public int? ErrorType { get; set; }

    public bool? Retryable { get; set; }

    public string? ErrorMessage { get; set; }
}
