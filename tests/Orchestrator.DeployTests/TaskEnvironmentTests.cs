using Microsoft.Extensions.Configuration;
using Orchestrator.Cli;
using Orchestrator.Configuration;
using Orchestrator.DeployTests.Infrastructure;
using Orchestrator.Jobs.Storage;

namespace Orchestrator.DeployTests;

/// <summary>
/// The configuration a task gets — appsettings.json, then the image's ENV, then the task definition's environment and
/// secrets — binds through the real strict binder (which rejects unknown keys) and passes the real validator.
/// </summary>
public sealed class TaskEnvironmentTests
{
    /// <summary>Variables outside <c>Orchestrator__</c> and who reads them.</summary>
    private static readonly Dictionary<string, string> OtherVariables = new(StringComparer.Ordinal)
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "src/Orchestrator/Telemetry (OTLP export on when set)",
        ["OTEL_SERVICE_NAME"] = "src/Orchestrator/Telemetry",
        ["PGPASSWORD"] = "Npgsql (password when the connection string has none)",
        ["DOTNET_EnableDiagnostics"] = ".NET runtime",
        ["TMPDIR"] = ".NET runtime (Path.GetTempPath)",
    };

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public void The_task_configuration_binds_to_real_keys_and_is_valid(string mode)
    {
        var deployment = new Deployment(mode);
        var variables = TaskVariables(deployment);
        var (options, errors) = ConfigurationReport.Evaluate(Configuration(variables));
        Assert.Empty(errors);

        // The values arrived where they were meant to (a key bound to the wrong place would not be an error above).
        Assert.Equal(deployment.Evaluator.Text(new CfnIntrinsic("Ref", new CfnScalar("Queue"))), options.Queue.Url);
        Assert.Equal(mode == "Sqlite" ? StoreProvider.Sqlite : StoreProvider.PostgreSql, options.Store.Provider);
        var sales = options.Datasets["sales"];
        Assert.Equal(deployment.Evaluator.Text(new CfnIntrinsic("Ref", new CfnScalar("GlueJob"))), sales.Glue.Job);
        Assert.Equal(["year:int", "month:int"], sales.Source.Partitions);
        Assert.True(sales.RawTable.IsSet && sales.OutputTable.IsSet);
        if (mode == "PostgreSql")
        {
            Assert.DoesNotContain("Password", options.Store.ConnectionString, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("PGPASSWORD", variables.Keys);
        }
        else
        {
            Assert.StartsWith("Data Source=/data/", options.Store.ConnectionString, StringComparison.Ordinal);
            Assert.DoesNotContain("PGPASSWORD", variables.Keys);
        }
    }

    [Fact]
    public void Every_other_variable_is_one_something_reads()
    {
        var deployment = new Deployment("PostgreSql");
        foreach (string name in TaskVariables(deployment).Keys.Where(k => !k.StartsWith("Orchestrator__", StringComparison.Ordinal)))
        {
            Assert.True(OtherVariables.ContainsKey(name), $"{name} is set for the orchestrator but nothing is known to read it.");
        }
    }

    [Fact]
    public void A_misspelt_key_is_an_error()
    {
        // The guarantee the test above relies on: the strict binder reports keys that bind to nothing.
        var variables = new Dictionary<string, string>(TaskVariables(new Deployment())) { ["Orchestrator__Queue__VisibiltyTimeout"] = "00:05:00" };
        var (_, errors) = ConfigurationReport.Evaluate(Configuration(variables));
        Assert.Contains(errors, e => e.Contains("Orchestrator:Queue:VisibiltyTimeout: unknown setting", StringComparison.Ordinal));
    }

    /// <summary>The image's ENV, overridden by the task definition's environment and secrets (as ECS does).</summary>
    internal static Dictionary<string, string> TaskVariables(Deployment deployment)
    {
        var variables = new Dictionary<string, string>(
            Dockerfile.Load(Path.Combine(deployment.Root, "Dockerfile")).Environment("runtime"), StringComparer.Ordinal);
        foreach (var (name, value) in deployment.Environment())
        {
            variables[name] = value;
        }

        return variables;
    }

    /// <summary>appsettings.json, then the variables the way the environment-variables provider maps them (<c>__</c> → <c>:</c>).</summary>
    private static IConfiguration Configuration(IReadOnlyDictionary<string, string> variables) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
        .AddInMemoryCollection(variables.Select(v => KeyValuePair.Create<string, string?>(v.Key.Replace("__", ":", StringComparison.Ordinal), v.Value)))
        .Build();
}
