using LocalAws.Glue.Jobs;

namespace LocalAws.Glue.RawToCurated;

/// <summary>The job arguments of raw_to_curated: <c>--source_database --source_table --target_database --target_table</c>.</summary>
internal sealed record RawToCuratedArguments(string SourceDatabase, string SourceTable, string TargetDatabase, string TargetTable)
{
    public static RawToCuratedArguments From(IReadOnlyDictionary<string, string> arguments) => new(
        Required(arguments, "--source_database"),
        Required(arguments, "--source_table"),
        Required(arguments, "--target_database"),
        Required(arguments, "--target_table"));

    // A missing argument fails the run the way getResolvedOptions does in a real Glue script.
    private static string Required(IReadOnlyDictionary<string, string> arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new JobFailedException($"GlueArgumentError: the following arguments are required: {name}");
}
