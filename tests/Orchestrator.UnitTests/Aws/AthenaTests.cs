using Orchestrator.Jobs.Aws.Athena;
using Orchestrator.Jobs.Aws.Athena.Model;

namespace Orchestrator.UnitTests.Aws;

public sealed class AthenaTests
{
    private readonly AwsTestClients aws = new();

    [Fact]
    public async Task StartQueryExecution_sends_token_workgroup_context_and_result_configuration()
    {
        aws.Handler.ThenJson("""{"QueryExecutionId":"q-1"}""");
        using var athena = aws.Athena();

        var response = await athena.StartQueryExecutionAsync(new StartQueryExecutionRequest
        {
            QueryString = "OPTIMIZE my_table REWRITE DATA USING BIN_PACK",
            ClientRequestToken = "optimize-my_table-2026-11-25T03:00:00Z",
            WorkGroup = "orchestrator",
            QueryExecutionContext = new QueryExecutionContext { Database = "lake", Catalog = "AwsDataCatalog" },
            ResultConfiguration = new ResultConfiguration { OutputLocation = "s3://lake-athena-results/" },
        });

        Assert.Equal("q-1", response.QueryExecutionId);
        var sent = Assert.Single(aws.Handler.Requests);
        Assert.Equal("AmazonAthena.StartQueryExecution", sent.Target);
        Assert.Equal(new Uri("https://athena.eu-west-1.amazonaws.com/"), sent.Message.RequestUri);
        Assert.Matches($@"Credential={AwsTestClients.AccessKey}/\d{{8}}/eu-west-1/athena/aws4_request", sent.Authorization!);
        var body = sent.Json;
        Assert.Equal("OPTIMIZE my_table REWRITE DATA USING BIN_PACK", body.GetProperty("QueryString").GetString());
        Assert.Equal("optimize-my_table-2026-11-25T03:00:00Z", body.GetProperty("ClientRequestToken").GetString());
        Assert.Equal("orchestrator", body.GetProperty("WorkGroup").GetString());
        Assert.Equal("lake", body.GetProperty("QueryExecutionContext").GetProperty("Database").GetString());
        Assert.Equal("AwsDataCatalog", body.GetProperty("QueryExecutionContext").GetProperty("Catalog").GetString());
        Assert.Equal("s3://lake-athena-results/", body.GetProperty("ResultConfiguration").GetProperty("OutputLocation").GetString());
    }

    [Fact]
    public async Task StartQueryExecution_without_a_token_gets_one_that_every_retry_repeats()
    {
        aws.Handler.ThenError("TooManyRequestsException", System.Net.HttpStatusCode.BadRequest).ThenJson("""{"QueryExecutionId":"q-1"}""");
        using var athena = aws.Athena();
        var request = new StartQueryExecutionRequest { QueryString = "SELECT 1" };

        await aws.Run(athena.StartQueryExecutionAsync(request));

        Assert.True(Guid.TryParse(request.ClientRequestToken, out _));
        Assert.Equal(2, aws.Handler.Requests.Count);
        Assert.All(aws.Handler.Requests, r => Assert.Equal(request.ClientRequestToken, r.Json.GetProperty("ClientRequestToken").GetString()));
    }

    [Fact]
    public async Task GetQueryExecution_reads_status_statistics_and_epoch_timestamps()
    {
        aws.Handler.ThenJson("""
            {"QueryExecution":{"QueryExecutionId":"q-1","Query":"SELECT 1","StatementType":"DML","WorkGroup":"primary",
             "Status":{"State":"FAILED","StateChangeReason":"SYNTAX_ERROR","SubmissionDateTime":1795608000.25,
               "CompletionDateTime":1795608001.75,"AthenaError":{"ErrorCategory":2,"ErrorType":1004,"Retryable":false}},
             "Statistics":{"DataScannedInBytes":1048576,"EngineExecutionTimeInMillis":1200}}}
            """);
        using var athena = aws.Athena();

        var execution = (await athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = "q-1" })).QueryExecution!;

        Assert.Same(QueryExecutionState.FAILED, execution.Status!.State);
        Assert.Equal(new DateTime(2026, 11, 25, 12, 0, 0, 250, DateTimeKind.Utc), execution.Status.SubmissionDateTime);
        Assert.Equal(new DateTime(2026, 11, 25, 12, 0, 1, 750, DateTimeKind.Utc), execution.Status.CompletionDateTime);
        Assert.Equal(2, execution.Status.AthenaError!.ErrorCategory);
        Assert.Equal(false, execution.Status.AthenaError.Retryable);
        Assert.Equal(1048576L, execution.Statistics!.DataScannedInBytes);
        Assert.Null(execution.ExecutionParameters);
        Assert.Null(execution.ResultConfiguration);
    }

    [Fact]
    public async Task GetAllQueryResults_yields_every_page_with_rows_columns_and_nulls()
    {
        aws.Handler
            .ThenJson("""
                {"ResultSet":{"Rows":[{"Data":[{"VarCharValue":"n"},{"VarCharValue":"v"}]},{"Data":[{"VarCharValue":"1"},{}]}],
                 "ResultSetMetadata":{"ColumnInfo":[{"Name":"n","Type":"integer","Nullable":"UNKNOWN"},{"Name":"v","Type":"varchar"}]}},
                 "NextToken":"p2","UpdateCount":0}
                """)
            .ThenJson("""{"ResultSet":{"Rows":[{"Data":[{"VarCharValue":"2"},{"VarCharValue":"b"}]}]}}""");
        using var athena = aws.Athena();

        var pages = new List<GetQueryResultsResponse>();
        await foreach (var page in athena.GetAllQueryResultsAsync(new GetQueryResultsRequest { QueryExecutionId = "q-1", MaxResults = 2 }))
        {
            pages.Add(page);
        }

        Assert.Equal(2, pages.Count);
        var rows = pages.SelectMany(p => p.ResultSet!.Rows!).Select(r => r.Data!.Select(d => d.VarCharValue).ToArray()).ToArray();
        Assert.Equal([["n", "v"], ["1", null], ["2", "b"]], rows);
        Assert.Equal("integer,varchar", string.Join(",", pages[0].ResultSet!.ResultSetMetadata!.ColumnInfo!.Select(c => c.Type)));
        Assert.Null(pages[1].ResultSet!.ResultSetMetadata);
        Assert.Equal("p2", aws.Handler.Requests[1].Json.GetProperty("NextToken").GetString());
    }

    [Fact]
    public async Task GetWorkGroup_and_StopQueryExecution_use_their_targets()
    {
        aws.Handler
            .ThenJson("""
                {"WorkGroup":{"Name":"orchestrator","State":"ENABLED","CreationTime":1795608000,
                 "Configuration":{"ResultConfiguration":{"OutputLocation":"s3://r/"},"EnforceWorkGroupConfiguration":true,
                 "BytesScannedCutoffPerQuery":10000000000}}}
                """)
            .ThenJson("{}");
        using var athena = aws.Athena();

        var workGroup = (await athena.GetWorkGroupAsync(new GetWorkGroupRequest { WorkGroup = "orchestrator" })).WorkGroup!;
        await athena.StopQueryExecutionAsync(new StopQueryExecutionRequest { QueryExecutionId = "q-1" });

        Assert.Same(WorkGroupState.ENABLED, workGroup.State);
        Assert.Equal("s3://r/", workGroup.Configuration!.ResultConfiguration!.OutputLocation);
        Assert.Equal(10_000_000_000L, workGroup.Configuration.BytesScannedCutoffPerQuery);
        Assert.Equal(
            "AmazonAthena.GetWorkGroup,AmazonAthena.StopQueryExecution", string.Join(",", aws.Handler.Requests.Select(r => r.Target)));
        Assert.Equal("q-1", aws.Handler.Requests[1].Json.GetProperty("QueryExecutionId").GetString());
    }
}
