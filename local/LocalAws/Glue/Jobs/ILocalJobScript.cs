namespace LocalAws.Glue.Jobs;

/// <summary>A local stand-in for a Glue script. Returns the s3:// URIs it processed, which a bookmark records.</summary>
internal interface ILocalJobScript
{
    /// <summary>True when this script plays the given job (by argument or script location).</summary>
    bool Handles(GlueJob job, IReadOnlyDictionary<string, string> arguments);

    Task<IReadOnlyCollection<string>> RunAsync(LocalJobContext context, CancellationToken cancellationToken);
}
