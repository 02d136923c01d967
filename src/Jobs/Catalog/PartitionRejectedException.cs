namespace Orchestrator.Jobs.Catalog;

/// <summary>
/// A partition value or a name that may not reach Glue or Athena: it does not fit its column's type, or it carries characters
/// that a statement could read as structure. Thrown before any call is made, so nothing of the batch is sent.
/// </summary>
public sealed class PartitionRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PartitionRejectedException()
    {
    }

    /// <summary>Creates the exception with a message that names the table, the column and the value.</summary>
    public PartitionRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PartitionRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
