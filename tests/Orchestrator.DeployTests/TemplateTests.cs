using System.Globalization;
using Orchestrator.DeployTests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Orchestrator.DeployTests;

/// <summary>The templates parse and refer only to what exists; the parts that must agree with each other do.</summary>
public sealed class TemplateTests
{
    private readonly Deployment deployment = new();

    public static TheoryData<string> Templates() => new(Directory
        .GetFiles(Path.Combine(RepositoryRoot.Find(), "deploy/ecs"), "*.yaml")
        .Where(f => File.ReadAllText(f).Contains("AWSTemplateFormatVersion", StringComparison.Ordinal))
        .Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_reference_names_a_resource_parameter_condition_or_pseudo_parameter(string file)
    {
        var template = CfnTemplate.Load(Path.Combine(RepositoryRoot.Find(), "deploy/ecs", file));
        Assert.NotEmpty(template.Resources.Entries);
        Assert.Empty(CfnReferences.Problems(template));
    }

    [Fact]
    public void The_reference_check_finds_a_dangling_reference()
    {
        string path = Path.Combine(Path.GetTempPath(), $"cfn-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            Conditions:
              Maybe: !Equals [a, b]
            Resources:
              Only:
                Type: AWS::SQS::Queue
                Condition: Maybe
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Sub '${Missing}-${Only.QueueName}'
                  DisplayName: !If [Nope, !Ref Only, !GetAtt Ghost.Arn]
            """);
        try
        {
            var problems = CfnReferences.Problems(CfnTemplate.Load(path));
            Assert.Contains(problems, p => p.Contains("'Missing' is not a resource", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("'Only' exists only when Maybe holds", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("'Nope' is not a condition", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("'Ghost' is not a resource", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_queue_fits_S3_events_keeps_failures_longer_and_matches_the_worker_visibility_timeout()
    {
        var queue = deployment.Template.Properties("Queue");
        var dlq = deployment.Template.Properties("DeadLetterQueue");
        var environment = deployment.Environment();
        Assert.True(int.Parse(queue.Text("MaximumMessageSize"), CultureInfo.InvariantCulture) >= 64 * 1024);
        Assert.Equal("true", queue.Text("SqsManagedSseEnabled"));
        Assert.Equal("true", dlq.Text("SqsManagedSseEnabled"));
        Assert.True(int.Parse(dlq.Text("MessageRetentionPeriod"), CultureInfo.InvariantCulture)
                    > int.Parse(queue.Text("MessageRetentionPeriod"), CultureInfo.InvariantCulture));
        Assert.Equal(
            TimeSpan.FromSeconds(int.Parse(queue.Text("VisibilityTimeout"), CultureInfo.InvariantCulture)),
            TimeSpan.Parse(environment["Orchestrator__Queue__VisibilityTimeout"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Only_the_data_bucket_of_this_account_may_send_to_the_queue()
    {
        var evaluator = deployment.Evaluator;
        var statements = (List<object?>)((Dictionary<string, object?>)evaluator.Evaluate(
            deployment.Template.Properties("QueuePolicy")["PolicyDocument"])!)["Statement"]!;
        var statement = (Dictionary<string, object?>)Assert.Single(statements)!;
        var condition = (Dictionary<string, object?>)statement["Condition"]!;
        string bucket = evaluator.Text(new CfnIntrinsic("Ref", new CfnScalar("DataBucket")));
        Assert.Equal("sqs:SendMessage", statement["Action"]);
        Assert.Equal($"arn:aws:s3:::{bucket}", ((Dictionary<string, object?>)condition["ArnLike"]!)["aws:SourceArn"]);
        Assert.Equal(CfnEvaluator.Account, ((Dictionary<string, object?>)condition["StringEquals"]!)["aws:SourceAccount"]);
    }

    [Fact]
    public void The_bucket_notifies_the_queue_for_the_prefix_the_dataset_reads()
    {
        var bucket = (Dictionary<string, object?>)deployment.Evaluator.Evaluate(deployment.Template.Properties("DataBucket"))!;
        var notification = (Dictionary<string, object?>)((List<object?>)((Dictionary<string, object?>)bucket["NotificationConfiguration"]!)["QueueConfigurations"]!).Single()!;
        var rule = (Dictionary<string, object?>)((List<object?>)((Dictionary<string, object?>)((Dictionary<string, object?>)notification["Filter"]!)["S3Key"]!)["Rules"]!).Single()!;
        var environment = deployment.Environment();
        Assert.Equal(environment["Orchestrator__Datasets__sales__Source__Prefix"], rule["Value"]);
        Assert.Equal(environment["Orchestrator__Datasets__sales__Source__Bucket"], bucket["BucketName"]);
        Assert.Equal("s3:ObjectCreated:*", notification["Event"]);
    }

    [Fact]
    public void The_container_gets_longer_to_stop_than_the_worker_takes_to_drain_and_checks_health_through_the_cli()
    {
        var container = deployment.Container(Deployment.OrchestratorContainer);
        var environment = deployment.Environment();
        var stop = TimeSpan.FromSeconds(int.Parse(container.Text("StopTimeout"), CultureInfo.InvariantCulture));
        Assert.True(stop <= TimeSpan.FromSeconds(120), "Fargate allows a stopTimeout of at most 120 s.");
        Assert.True(stop >= TimeSpan.Parse(environment["Orchestrator__Queue__ShutdownTimeout"], CultureInfo.InvariantCulture) + TimeSpan.FromSeconds(5));
        Assert.Equal("true", container.Text("ReadonlyRootFilesystem"));
        var check = (List<object?>)((Dictionary<string, object?>)deployment.Evaluator.Evaluate(container["HealthCheck"])!)["Command"]!;
        var entrypoint = Dockerfile.Load(Path.Combine(deployment.Root, "Dockerfile")).Arguments("runtime", "ENTRYPOINT").Single();
        Assert.Equal(["CMD", "/app/Orchestrator", "healthcheck"], check);
        Assert.Equal("""["/app/Orchestrator"]""", entrypoint);
    }

    [Fact]
    public void The_adot_sidecar_receives_otlp_and_sends_traces_to_xray_and_metrics_as_emf()
    {
        string path = Path.Combine(deployment.Root, "deploy/ecs/adot-config.yaml");
        Assert.True(new FileInfo(path).Length < 4096, "The ADOT configuration is passed as a CloudFormation parameter (at most 4,096 bytes).");
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var pipelines = (YamlMappingNode)((YamlMappingNode)root["service"])["pipelines"];
        string Exporters(string pipeline) => string.Join(",", ((YamlSequenceNode)((YamlMappingNode)pipelines[pipeline])["exporters"]).Select(n => n.ToString()));
        string Receivers(string pipeline) => string.Join(",", ((YamlSequenceNode)((YamlMappingNode)pipelines[pipeline])["receivers"]).Select(n => n.ToString()));
        Assert.Equal("awsxray", Exporters("traces"));
        Assert.Equal("awsemf", Exporters("metrics"));
        Assert.Equal("otlp", Receivers("traces"));
        Assert.Equal("otlp", Receivers("metrics"));

        var sidecar = deployment.Environment("adot-collector");
        Assert.Equal(File.ReadAllText(path), sidecar["AOT_CONFIG_CONTENT"]);
        Assert.Contains("${env:EMF_LOG_GROUP}", sidecar["AOT_CONFIG_CONTENT"], StringComparison.Ordinal);
        Assert.Equal(deployment.Evaluator.Text(new CfnIntrinsic("Ref", new CfnScalar("MetricsLogGroup"))), sidecar["EMF_LOG_GROUP"]);
        // The orchestrator exports to the collector's OTLP/gRPC port over the task's shared localhost.
        string grpc = ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)root["receivers"])["otlp"])["protocols"])["grpc"])["endpoint"]).Value!;
        Assert.Equal(new Uri(deployment.Environment()["OTEL_EXPORTER_OTLP_ENDPOINT"]).Port.ToString(CultureInfo.InvariantCulture), grpc.Split(':')[1]);
    }

    [Theory]
    [InlineData("Sqlite", 1, 1)]
    [InlineData("PostgreSql", 3, 3)]
    public void Sqlite_runs_exactly_one_task_and_never_two_during_a_deployment(string mode, int desired, int expected)
    {
        var stack = new Deployment(mode);
        var evaluator = new CfnEvaluator(stack.Template, new Dictionary<string, string>
        {
            ["StoreMode"] = mode,
            ["DesiredCount"] = desired.ToString(CultureInfo.InvariantCulture),
            ["ImageUri"] = "image",
            ["AdotConfig"] = "x",
        });
        var service = (Dictionary<string, object?>)evaluator.Evaluate(stack.Template.Properties("Service"))!;
        var deploymentConfiguration = (Dictionary<string, object?>)service["DeploymentConfiguration"]!;
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), service["DesiredCount"]);
        var breaker = (Dictionary<string, object?>)deploymentConfiguration["DeploymentCircuitBreaker"]!;
        Assert.Equal("true", breaker["Enable"]);
        Assert.Equal("true", breaker["Rollback"]);
        if (mode == "Sqlite")
        {
            Assert.Equal("100", deploymentConfiguration["MaximumPercent"]);
            Assert.False(evaluator.Condition("UsePostgreSql"));
        }
        else
        {
            Assert.True(evaluator.Condition("UsePostgreSql"));
        }
    }
}
