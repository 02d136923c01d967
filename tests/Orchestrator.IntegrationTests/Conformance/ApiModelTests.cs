using System.Reflection;
using System.Text.Json.Nodes;
using Orchestrator.Jobs.Aws.Athena;
using Orchestrator.Jobs.Aws.Glue;

namespace Orchestrator.IntegrationTests.Conformance;

/// <summary>The model validator itself, and that every client operation exists in the official models.</summary>
[Collection(ConformanceCollectionDefinition.Name)]
public sealed class ApiModelTests(ConformanceFixture fixture)
{
    [Fact]
    public void Every_client_method_is_an_operation_of_the_official_model()
    {
        static IEnumerable<string> Operations(Type client) =>
            client.GetMethods().Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)).Select(m => m.Name[..^"Async".Length]);

        var glue = Operations(typeof(IAmazonGlue)).ToList();
        var athena = Operations(typeof(IAmazonAthena)).ToList();

        Assert.Equal(15, glue.Count);
        Assert.Equal(5, athena.Count);
        Assert.All(glue, op => Assert.True(fixture.GlueModel.HasOperation(op), $"Glue model has no {op}"));
        Assert.All(athena, op => Assert.True(fixture.AthenaModel.HasOperation(op), $"Athena model has no {op}"));
        Assert.All(typeof(IAmazonGlue).GetMethods().Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)),
            m => Assert.Equal(typeof(CancellationToken), m.GetParameters().Last().ParameterType));
    }

    [Fact]
    public void A_conforming_body_has_no_violations()
    {
        var body = JsonNode.Parse("""
            {"JobRun":{"Id":"jr_1","JobName":"j","StartedOn":1767225600.123,"JobRunState":"SUCCEEDED","Arguments":{"--a":"b"},
             "ExecutionTime":3,"MaxCapacity":2.0,"PredecessorRuns":[{"JobName":"p","RunId":"jr_0"}]}}
            """);

        Assert.Empty(fixture.GlueModel.Validate("GetJobRun", ModelDirection.Output, body));
    }

    [Theory]
    [InlineData("""{"JobRun":{"Id":"jr_1","Colour":"red"}}""", "$.JobRun.Colour: unknown member")]
    [InlineData("""{"JobRun":{"StartedOn":"2026-01-01T00:00:00Z"}}""", "$.JobRun.StartedOn: expected timestamp (epoch seconds), got string")]
    [InlineData("""{"JobRun":{"ExecutionTime":"3"}}""", "$.JobRun.ExecutionTime: expected integer, got string")]
    [InlineData("""{"JobRun":{"ExecutionTime":3.5}}""", "$.JobRun.ExecutionTime: expected a whole number (integer)")]
    [InlineData("""{"JobRun":{"Arguments":{"--a":1}}}""", "$.JobRun.Arguments[\"--a\"]: expected string, got number")]
    [InlineData("""{"JobRun":{"PredecessorRuns":{"JobName":"p"}}}""", "$.JobRun.PredecessorRuns: expected a list (JSON array)")]
    [InlineData("""{"JobRun":{"ErrorMessage":null}}""", "$.JobRun.ErrorMessage: null")]
    [InlineData("""{"JobRun":{"PredecessorRuns":[{"JobName":true}]}}""", "$.JobRun.PredecessorRuns[0].JobName: expected string, got true")]
    public void A_violation_is_reported_with_the_path_of_the_offending_member(string body, string expected)
    {
        var violations = fixture.GlueModel.Validate("GetJobRun", ModelDirection.Output, JsonNode.Parse(body));

        Assert.Contains(violations, v => v.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_required_member_is_reported()
    {
        var violations = fixture.AthenaModel.Validate("StartQueryExecution", ModelDirection.Input,
            JsonNode.Parse("""{"QueryExecutionContext":{"Database":"d"},"ResultReuseConfiguration":{"ResultReuseByAgeConfiguration":{}}}"""));

        Assert.Contains("$.QueryString: required member missing", violations);
        Assert.Contains("$.ResultReuseConfiguration.ResultReuseByAgeConfiguration.Enabled: required member missing", violations);
    }

    [Fact]
    public void An_operation_without_output_members_accepts_only_an_empty_object()
    {
        Assert.Empty(fixture.GlueModel.Validate("StartCrawler", ModelDirection.Output, new JsonObject()));
        Assert.Contains(fixture.GlueModel.Validate("StartCrawler", ModelDirection.Output, JsonNode.Parse("""{"State":"RUNNING"}""")),
            v => v.StartsWith("$.State: unknown member", StringComparison.Ordinal));
    }

    [Fact]
    public void The_models_come_from_the_pinned_aws_sdk_package()
    {
        var lockFile = JsonNode.Parse(File.ReadAllText(Path.Combine(
            Infrastructure.RepositoryRoot.Find(), "tests", "conformance", "package-lock.json")))!;
        var pinned = (string?)lockFile["packages"]!["node_modules/aws-sdk"]!["version"];

        Assert.Equal("AWSGlue", fixture.GlueModel.TargetPrefix);
        Assert.Equal("AmazonAthena", fixture.AthenaModel.TargetPrefix);
        Assert.StartsWith("2.", pinned, StringComparison.Ordinal);
        Assert.NotNull(typeof(IAmazonGlue).GetMethod("GetJobAsync", BindingFlags.Public | BindingFlags.Instance));
    }
}
