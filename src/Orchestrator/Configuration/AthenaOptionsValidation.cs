using Orchestrator.Jobs.Queries;

namespace Orchestrator.Configuration;

/// <summary>Rules for <c>Orchestrator:Athena</c>, with Athena's own limits quoted in the messages.</summary>
internal static class AthenaOptionsValidation
{
    private const string A = OrchestratorOptions.SectionName + ":Athena:";

    public static void Validate(AthenaQueryOptions athena, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(athena.WorkGroup) || athena.WorkGroup.Length > 128 ||
            !athena.WorkGroup.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            errors.Add($"{A}WorkGroup: {Show(athena.WorkGroup)} is not a workgroup name (1–128 of letters, digits, '.', '_', '-').");
        }

        if (!string.IsNullOrEmpty(athena.OutputLocation) &&
            (!athena.OutputLocation.StartsWith("s3://", StringComparison.Ordinal) || athena.OutputLocation.Length <= "s3://".Length))
        {
            errors.Add($"{A}OutputLocation: {Show(athena.OutputLocation)} is not an S3 location (s3://bucket/prefix/); leave it empty to use the workgroup's.");
        }

        if (athena.MaxConcurrentDdl is < 1 or > 20)
        {
            errors.Add($"{A}MaxConcurrentDdl: {athena.MaxConcurrentDdl} is outside 1..20 (Athena's default DDL quota is 20 concurrent " +
                       "statements for the whole account).");
        }

        Duration(errors, "QueryTimeout", athena.QueryTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(8), "");
        Duration(errors, "MinPollInterval", athena.MinPollInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(5), "");
        Duration(errors, "MaxPollInterval", athena.MaxPollInterval, athena.MinPollInterval, TimeSpan.FromMinutes(10), " (at least MinPollInterval)");
        Duration(errors, "ThrottleBackoff", athena.ThrottleBackoff, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1), "");
        if (!(athena.PricePerTerabyte >= 0) || double.IsInfinity(athena.PricePerTerabyte))
        {
            errors.Add($"{A}PricePerTerabyte: {Show(athena.PricePerTerabyte)} must be a price in USD, 0 or more.");
        }
    }

    private static void Duration(List<string> errors, string key, TimeSpan value, TimeSpan min, TimeSpan max, string why)
    {
        if (value < min || value > max)
        {
            errors.Add($"{A}{key}: {Show(value)} is outside {Show(min)}..{Show(max)}{why}.");
        }
    }

    private static string Show(object? value) => StrictConfigurationBinder.Show(value);
}
