namespace LocalAws.Glue.Jobs;

/// <summary>A run ends FAILED with this message as its ErrorMessage (the local job's equivalent of a Spark exception).</summary>
internal sealed class JobFailedException : Exception
{
    public JobFailedException()
    {
    }

    public JobFailedException(string message)
        : base(message)
    {
    }

    public JobFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
