using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Orchestrator.Configuration;

namespace Orchestrator.Cli;

/// <summary>Binds and validates the configuration without starting anything; prints it with secrets redacted.</summary>
internal static class ConfigurationReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly string[] SecretKeys = ["Password", "Pwd"];

    /// <summary>The bound options and every error, exactly as <c>run</c> would see them.</summary>
    public static (OrchestratorOptions Options, IReadOnlyList<string> Errors) Evaluate(IConfiguration configuration)
    {
        var bindingErrors = new OptionsBindingErrors();
        var options = new OrchestratorOptions();
        StrictConfigurationBinder.Bind(configuration.GetSection(OrchestratorOptions.SectionName), options, bindingErrors.Errors);
        var result = new OrchestratorOptionsValidator(bindingErrors).Validate(null, options);
        return (options, result.Failed ? result.Failures.ToList() : []);
    }

    public static string Render(OrchestratorOptions options)
    {
        var copy = JsonSerializer.Deserialize<OrchestratorOptions>(JsonSerializer.Serialize(options, Json), Json)!;
        copy.Store.ConnectionString = RedactConnectionString(copy.Store.ConnectionString);
        return JsonSerializer.Serialize(new Dictionary<string, OrchestratorOptions> { [OrchestratorOptions.SectionName] = copy }, Json);
    }

    public static string RedactConnectionString(string connectionString)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            if (!SecretKeys.Any(builder.ContainsKey))
            {
                return connectionString;
            }

            foreach (string key in SecretKeys.Where(builder.ContainsKey))
            {
                builder[key] = "***";
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "*** (unparseable connection string, hidden)";
        }
    }

    public static async Task WriteErrorsAsync(IEnumerable<string> errors, TextWriter writer)
    {
        var list = errors.ToList();
        await writer.WriteLineAsync($"orchestrator: the configuration has {list.Count} error{(list.Count == 1 ? "" : "s")}:");
        foreach (string error in list)
        {
            await writer.WriteLineAsync("  - " + error);
        }
    }
}
