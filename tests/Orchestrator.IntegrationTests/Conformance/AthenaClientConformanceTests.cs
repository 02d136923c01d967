using System.Text.Json.Nodes;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Jobs.Aws.Athena;
using Orchestrator.Jobs.Aws.Athena.Model;

namespace Orchestrator.IntegrationTests.Conformance;

/// <summary>
/// Every Athena operation of the project's client against LocalAws; every request and response on the wire is checked
/// against the official Athena model at the end of each test.
/// </summary>
[Collection(ConformanceCollectionDefinition.Name)]
public sealed class AthenaClientConformanceTests
{
    private readonly ConformanceFixture _fixture;

    public AthenaClientConformanceTests(ConformanceFixture fixture)
    {
        _fixture = fixture;
        _fixture.Wire.Clear();
    }

    private IAmazonAthena Athena => _fixture.Athena;

    [Fact]
    public async Task GetWorkGroup_returns_primary_and_a_created_workgroup_and_InvalidRequest_for_a_missing_one()
    {
        var name = ConformanceFixture.Unique("wg");
        await _fixture.SetupAsync("AmazonAthena.CreateWorkGroup", new JsonObject
        {
            ["Name"] = name, ["Configuration"] = new JsonObject
            {
                ["ResultConfiguration"] = new JsonObject { ["OutputLocation"] = $"s3://{ConformanceFixture.ResultsBucket}/{name}/" },
                ["BytesScannedCutoffPerQuery"] = 10_000_000,
            },
        });

        var primary = (await Athena.GetWorkGroupAsync(new GetWorkGroupRequest { WorkGroup = "primary" })).WorkGroup!;
        var created = (await Athena.GetWorkGroupAsync(new GetWorkGroupRequest { WorkGroup = name })).WorkGroup!;
        var missing = await Assert.ThrowsAsync<InvalidRequestException>(() => Athena.GetWorkGroupAsync(new GetWorkGroupRequest { WorkGroup = "nope" }));

        Assert.Equal(WorkGroupState.ENABLED, primary.State);
        Assert.Equal($"s3://{ConformanceFixture.ResultsBucket}/primary/", primary.Configuration!.ResultConfiguration!.OutputLocation);
        Assert.Equal(10_000_000, created.Configuration!.BytesScannedCutoffPerQuery);
        Assert.NotNull(created.CreationTime);
        Assert.Equal("InvalidRequestException", missing.ErrorCode);
        _fixture.AssertWireConformsToModels();
    }

    [Fact]
    public async Task StartQueryExecution_with_token_workgroup_context_and_result_configuration_runs_the_query_and_the_token_is_idempotent()
    {
        var workGroup = ConformanceFixture.Unique("wg");
        await _fixture.SetupAsync("AmazonAthena.CreateWorkGroup", new JsonObject
        {
            ["Name"] = workGroup, ["Configuration"] = new JsonObject { ["EnforceWorkGroupConfiguration"] = false },
        });
        var output = $"s3://{ConformanceFixture.ResultsBucket}/{workGroup}/";
        StartQueryExecutionRequest Request() => new()
        {
            QueryString = Values(3), ClientRequestToken = "conformance-token-" + workGroup.PadRight(32, 'x'), WorkGroup = workGroup,
            QueryExecutionContext = new QueryExecutionContext { Database = "default", Catalog = "AwsDataCatalog" },
            ResultConfiguration = new ResultConfiguration { OutputLocation = output },
        };

        var id = (await Athena.StartQueryExecutionAsync(Request())).QueryExecutionId!;
        var again = (await Athena.StartQueryExecutionAsync(Request())).QueryExecutionId!;
        var generated = new StartQueryExecutionRequest { QueryString = "SELECT 1" };
        await Athena.StartQueryExecutionAsync(generated);
        var execution = await WaitAsync(id);

        Assert.Equal(id, again);
        Assert.NotNull(generated.ClientRequestToken); // set by the client before the first attempt, as the SDK does
        Assert.Equal(QueryExecutionState.SUCCEEDED, execution.Status!.State);
        Assert.Equal(workGroup, execution.WorkGroup);
        Assert.Equal("DML", execution.StatementType);
        Assert.Equal($"{output}{id}.csv", execution.ResultConfiguration!.OutputLocation);
        Assert.True(execution.Status.CompletionDateTime >= execution.Status.SubmissionDateTime);
        _fixture.AssertWireConformsToModels();
    }

    [Fact]
    public async Task ExecutionParameters_are_bound_in_order_and_reported_back_with_the_query_as_submitted()
    {
        var id = (await Athena.StartQueryExecutionAsync(new StartQueryExecutionRequest
        {
            QueryString = "SELECT ? AS n, ? AS s, ? AS d",
            ExecutionParameters = ["7", "'o''brien'", "DATE '2024-01-31'"],
        })).QueryExecutionId!;
        var execution = await WaitAsync(id);
        var page = await Athena.GetQueryResultsAsync(new GetQueryResultsRequest { QueryExecutionId = id });

        Assert.Equal(QueryExecutionState.SUCCEEDED, execution.Status!.State);
        Assert.Equal("SELECT ? AS n, ? AS s, ? AS d", execution.Query);
        Assert.Equal(["7", "'o''brien'", "DATE '2024-01-31'"], execution.ExecutionParameters!);
        Assert.Equal(["7", "o'brien", "2024-01-31"], page.ResultSet!.Rows![1].Data!.Select(d => d.VarCharValue));
        _fixture.AssertWireConformsToModels();
    }

    [Fact]
    public async Task GetAllQueryResultsAsync_reads_every_page_header_row_first()
    {
        var id = (await Athena.StartQueryExecutionAsync(new StartQueryExecutionRequest { QueryString = Values(10) })).QueryExecutionId!;
        await WaitAsync(id);
        _fixture.Wire.Clear();

        var pages = new List<GetQueryResultsResponse>();
        await foreach (var page in Athena.GetAllQueryResultsAsync(new GetQueryResultsRequest { QueryExecutionId = id, MaxResults = 4 }))
        {
            pages.Add(page);
        }

        var rows = pages.SelectMany(p => p.ResultSet!.Rows!).Select(r => r.Data!.Select(d => d.VarCharValue).ToArray()).ToList();
        Assert.Equal(3, pages.Count);
        Assert.Equal(new string?[] { "id", "name" }, rows[0].AsEnumerable());
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"{i}"), rows.Skip(1).Select(r => r[0]));
        Assert.Equal(["id", "name"], pages[0].ResultSet!.ResultSetMetadata!.ColumnInfo!.Select(c => c.Name));
        _fixture.AssertWireConformsToModels();
    }

    [Fact]
    public async Task A_failed_query_carries_its_error_and_StopQueryExecution_and_unknown_ids_answer_as_AWS_does()
    {
        var failed = (await Athena.StartQueryExecutionAsync(new StartQueryExecutionRequest
        {
            QueryString = "SELECT * FROM no_such_table", QueryExecutionContext = new QueryExecutionContext { Database = "default" },
        })).QueryExecutionId!;
        var execution = await WaitAsync(failed);
        var results = await Assert.ThrowsAsync<InvalidRequestException>(() => Athena.GetQueryResultsAsync(new GetQueryResultsRequest { QueryExecutionId = failed }));
        await Athena.StopQueryExecutionAsync(new StopQueryExecutionRequest { QueryExecutionId = failed });
        var unknown = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            Athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = "00000000-0000-0000-0000-000000000000" }));
        await Assert.ThrowsAsync<InvalidRequestException>(() =>
            Athena.StopQueryExecutionAsync(new StopQueryExecutionRequest { QueryExecutionId = "00000000-0000-0000-0000-000000000000" }));

        Assert.Equal(QueryExecutionState.FAILED, execution.Status!.State);
        Assert.False(string.IsNullOrEmpty(execution.Status.StateChangeReason));
        Assert.NotNull(execution.Status.AthenaError!.ErrorCategory);
        Assert.Equal("InvalidRequestException", results.ErrorCode);
        Assert.Equal("InvalidRequestException", unknown.ErrorCode);
        _fixture.AssertWireConformsToModels();
    }

    internal static string Values(int n) =>
        $"SELECT * FROM (VALUES {string.Join(", ", Enumerable.Range(1, n).Select(i => $"({i}, 'n{i}')"))}) AS t(id, name)";

    private Task<QueryExecution> WaitAsync(string id) =>
        Eventually.WaitForAsync(
            async () => (await Athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = id })).QueryExecution!,
            q => q.Status?.State is { } s && (s == QueryExecutionState.SUCCEEDED || s == QueryExecutionState.FAILED || s == QueryExecutionState.CANCELLED),
            TimeSpan.FromSeconds(30), $"query {id}");
}
