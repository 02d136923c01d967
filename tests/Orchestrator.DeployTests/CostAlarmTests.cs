using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Orchestrator.DeployTests.Infrastructure;
using Orchestrator.Jobs.Queries;
using Orchestrator.Jobs.GlueRuns;
using YamlDotNet.RepresentationModel;

namespace Orchestrator.DeployTests;

/// <summary>
/// The cost alarm watches what the code really emits and the ADOT sidecar really turns into CloudWatch metrics: the
/// estimated-cost counters by their instrument names, under the service name the task sets, with the dimension set the
/// collector declares — otherwise the alarm would sit on a metric that never exists and never fire.
/// </summary>
public sealed class CostAlarmTests
{
    private readonly Deployment deployment = new();

    [Fact]
    public void The_daily_cost_alarm_sums_the_glue_and_athena_cost_metrics_the_code_emits_and_adot_exports()
    {
        var alarm = deployment.Template.Properties("EstimatedCostAlarm");
        var stats = ((CfnList)alarm["Metrics"]!).Items.Cast<CfnMap>().Where(m => m["MetricStat"] is not null).ToList();
        var metrics = stats.Select(s => s.Map("MetricStat").Map("Metric")).ToList();
        var names = metrics.Select(m => m.Text("MetricName")).ToHashSet();

        Assert.Equal(new HashSet<string> { "orchestrator.glue.run.cost", "orchestrator.athena.cost" }, names);
        Assert.Subset(EmittedInstruments(), names);
        Assert.All(metrics, m => Assert.Equal("Orchestrator", m.Text("Namespace")));
        Assert.All(metrics, m =>
        {
            var dimension = Assert.Single(((CfnList)m["Dimensions"]!).Items.Cast<CfnMap>());
            Assert.Equal("service.name", dimension.Text("Name"));
            Assert.Equal(deployment.Environment()["OTEL_SERVICE_NAME"], dimension.Text("Value"));
        });
        // One day, the longest an alarm may look back (Period × EvaluationPeriods ≤ 86,400 s), summed.
        Assert.All(stats, s => Assert.Equal(("86400", "Sum"), (s.Map("MetricStat").Text("Period"), s.Map("MetricStat").Text("Stat"))));
        Assert.Equal("1", alarm.Text("EvaluationPeriods"));
        Assert.Equal(new CfnIntrinsic("Ref", new CfnScalar("DailyCostThreshold")), alarm["Threshold"]);
        Assert.Equal(new CfnIntrinsic("Ref", new CfnScalar("AlarmTopic")), Assert.Single(((CfnList)alarm["AlarmActions"]!).Items));
        var total = Assert.Single(((CfnList)alarm["Metrics"]!).Items.Cast<CfnMap>(), m => m["Expression"] is not null);
        Assert.Equal("FILL(glue, 0) + FILL(athena, 0)", total.Text("Expression"));

        // The collector makes a CloudWatch metric only of what a declaration selects, with exactly its dimension sets.
        foreach (string name in names)
        {
            Assert.Contains(Declarations(), d => d.Selectors.Any(s => Regex.IsMatch(name, s)) && d.Dimensions.Contains("service.name"));
            Assert.Contains(Declarations(), d => d.Selectors.Any(s => Regex.IsMatch(name, s)) && d.Dimensions.Contains("service.name,dataset"));
        }
    }

    /// <summary>The names of the instruments of the Glue and Athena meters, as the running code creates them.</summary>
    private static HashSet<string> EmittedInstruments()
    {
        RuntimeHelpers.RunClassConstructor(typeof(GlueRunTelemetry).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(AthenaQueryTelemetry).TypeHandle);
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name is GlueRunTelemetry.Name or AthenaQueryTelemetry.Name)
                {
                    lock (names)
                    {
                        names.Add(instrument.Name);
                    }
                }
            },
        };
        listener.Start();
        return names;
    }

    private static List<(string[] Selectors, HashSet<string> Dimensions)> Declarations()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepositoryRoot.Find(), "deploy/ecs/adot-config.yaml")))
        {
            stream.Load(reader);
        }

        var emf = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["exporters"])["awsemf"];
        return ((YamlSequenceNode)emf["metric_declarations"]).Cast<YamlMappingNode>().Select(d => (
            ((YamlSequenceNode)d["metric_name_selectors"]).Select(s => s.ToString()).ToArray(),
            ((YamlSequenceNode)d["dimensions"]).Cast<YamlSequenceNode>().Select(set => string.Join(',', set.Select(n => n.ToString()))).ToHashSet()))
            .ToList();
    }
}
