using Amazon.S3;
using Amazon.SQS;
using Orchestrator.Configuration;
using Orchestrator.DeployTests.Infrastructure;
using Orchestrator.Jobs.Aws.Athena;
using Orchestrator.Jobs.Aws.Glue;

namespace Orchestrator.DeployTests;

/// <summary>
/// The task role allows exactly what the orchestrator's compiled code calls (derived from its IL, so a new call fails this
/// test until the template allows it), on named resources; no policy of the stack uses a wildcard action, and a wildcard
/// resource only for actions that have no resource type.
/// </summary>
public sealed class TaskRoleTests
{
    /// <summary>AWS actions that cannot be scoped to a resource (the Service Authorization Reference lists no resource type).</summary>
    private static readonly HashSet<string> UnscopableActions = new(StringComparer.Ordinal)
    {
        "xray:PutTraceSegments", "xray:PutTelemetryRecords", "cloudwatch:PutMetricData",
    };

    private readonly Deployment deployment = new();

    [Fact]
    public void The_orchestrator_policy_allows_exactly_the_actions_the_code_calls()
    {
        var called = CalledActions();
        var allowed = Statements(OrchestratorPolicy()).SelectMany(Actions).ToHashSet(StringComparer.Ordinal);
        Assert.True(called.SetEquals(allowed),
            $"The code calls {string.Join(", ", called.Order(StringComparer.Ordinal))}; the task role's orchestrator policy allows " +
            $"{string.Join(", ", allowed.Order(StringComparer.Ordinal))}. Missing: {string.Join(", ", called.Except(allowed))}. " +
            $"Not called: {string.Join(", ", allowed.Except(called))}.");
    }

    [Fact]
    public void The_scan_sees_the_calls_every_deployment_needs()
    {
        // If the IL scan broke (an empty result would make the test above pass against an empty policy), this says so.
        var called = CalledActions();
        Assert.Contains("sqs:ReceiveMessage", called);
        Assert.Contains("sqs:DeleteMessage", called);
        Assert.Contains("glue:StartJobRun", called);
        Assert.Contains("glue:BatchCreatePartition", called);
        Assert.Contains("s3:ListBucket", called);
    }

    [Fact]
    public void The_orchestrator_policy_names_its_resources()
    {
        foreach (var statement in Statements(OrchestratorPolicy()))
        {
            var resources = Resources(statement);
            Assert.NotEmpty(resources);
            Assert.DoesNotContain("*", resources);
        }
    }

    [Fact]
    public void No_policy_in_the_stack_uses_a_wildcard_action_or_an_avoidable_wildcard_resource()
    {
        foreach (var mode in new[] { "Sqlite", "PostgreSql" })
        {
            var stack = new Deployment(mode);
            foreach (string role in stack.Template.ResourcesOfType("AWS::IAM::Role"))
            {
                var policies = stack.Evaluator.Evaluate(stack.Template.Properties(role)["Policies"]) as List<object?> ?? [];
                foreach (var policy in policies.Cast<Dictionary<string, object?>>())
                {
                    foreach (var statement in Statements(policy))
                    {
                        var actions = Actions(statement).ToList();
                        Assert.All(actions, a => Assert.DoesNotContain("*", a, StringComparison.Ordinal));
                        if (Resources(statement).Contains("*"))
                        {
                            Assert.All(actions, a => Assert.True(UnscopableActions.Contains(a),
                                $"{role}/{policy["PolicyName"]}: {a} on Resource '*', but it can be scoped to a resource."));
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void The_output_table_listing_is_limited_to_its_prefix()
    {
        var listing = Statements(OrchestratorPolicy()).Single(s => Actions(s).Contains("s3:ListBucket"));
        var condition = (Dictionary<string, object?>)((Dictionary<string, object?>)listing["Condition"]!)["StringLike"]!;
        var curated = deployment.Evaluator.Text(new CfnIntrinsic("Ref", new CfnScalar("CuratedPrefix")));
        Assert.Equal(curated + "*", condition["s3:prefix"]);
    }

    /// <summary>
    /// Operator commands that touch the DLQ (status, schedules, dlq redrive) run with an operator's own credentials, never
    /// as the task (docs/operator-cli.md): their calls are not the task role's business.
    /// </summary>
    private static readonly HashSet<Type> OperatorOnly =
        [typeof(Orchestrator.Cli.StatusCommand), typeof(Orchestrator.Cli.SchedulesCommand), typeof(Orchestrator.Cli.DlqRedriveCommand), typeof(Orchestrator.Cli.DeadLetterQueue)];

    /// <summary>IAM actions for the operations the code calls, per client.</summary>
    internal static HashSet<string> CalledActions()
    {
        var operations = AwsCallScanner.Scan(
            [typeof(OrchestratorOptions).Assembly, typeof(IAmazonGlue).Assembly],
            [typeof(IAmazonSQS), typeof(IAmazonS3), typeof(IAmazonGlue), typeof(IAmazonAthena)],
            "Orchestrator.Jobs.Aws",
            OperatorOnly);
        return operations.Select(o => Action(o.Client, o.Operation)).ToHashSet(StringComparer.Ordinal);
    }

    private static string Action(Type client, string operation)
    {
        if (client == typeof(IAmazonGlue))
        {
            return "glue:" + operation;
        }

        if (client == typeof(IAmazonAthena))
        {
            return "athena:" + operation;
        }

        if (client == typeof(IAmazonSQS))
        {
            // SQS has no IAM actions of its own for batches: DeleteMessageBatch is authorised as sqs:DeleteMessage, etc.
            return "sqs:" + (operation.EndsWith("Batch", StringComparison.Ordinal) ? operation[..^"Batch".Length] : operation);
        }

        // S3 operation names differ from IAM action names.
        return operation switch
        {
            "ListObjectsV2" or "ListObjects" => "s3:ListBucket",
            "GetObject" or "GetObjectMetadata" => "s3:GetObject",
            "PutObject" => "s3:PutObject",
            "DeleteObject" or "DeleteObjects" => "s3:DeleteObject",
            _ => throw new InvalidOperationException($"The code calls S3 {operation}: add its IAM action to TaskRoleTests.Action."),
        };
    }

    private Dictionary<string, object?> OrchestratorPolicy()
    {
        var policies = (List<object?>)deployment.Evaluator.Evaluate(deployment.Template.Properties("TaskRole")["Policies"])!;
        return policies.Cast<Dictionary<string, object?>>().Single(p => (string?)p["PolicyName"] == "orchestrator");
    }

    private static IEnumerable<Dictionary<string, object?>> Statements(Dictionary<string, object?> policy) =>
        ((List<object?>)((Dictionary<string, object?>)policy["PolicyDocument"]!)["Statement"]!).Cast<Dictionary<string, object?>>()
        .Where(s => (string?)s["Effect"] == "Allow");

    private static IEnumerable<string> Actions(Dictionary<string, object?> statement) => OneOrMany(statement["Action"]);

    private static List<string> Resources(Dictionary<string, object?> statement) => OneOrMany(statement.GetValueOrDefault("Resource")).ToList();

    private static IEnumerable<string> OneOrMany(object? value) => value switch
    {
        string s => [s],
        List<object?> list => list.Cast<string>(),
        _ => [],
    };
}
