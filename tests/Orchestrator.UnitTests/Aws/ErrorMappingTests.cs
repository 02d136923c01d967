using System.Net;
using Orchestrator.Jobs.Aws;
using Orchestrator.Jobs.Aws.Athena;
using Orchestrator.Jobs.Aws.Glue;
using Orchestrator.Jobs.Aws.Glue.Model;
using AthenaModel = Orchestrator.Jobs.Aws.Athena.Model;

namespace Orchestrator.UnitTests.Aws;

public sealed class ErrorMappingTests
{
    public static TheoryData<string, HttpStatusCode, Type, bool> GlueErrors => new()
    {
        { "AccessDeniedException", HttpStatusCode.BadRequest, typeof(AccessDeniedException), false },
        { "AlreadyExistsException", HttpStatusCode.BadRequest, typeof(AlreadyExistsException), false },
        { "ConcurrentRunsExceededException", HttpStatusCode.BadRequest, typeof(ConcurrentRunsExceededException), false },
        { "CrawlerRunningException", HttpStatusCode.BadRequest, typeof(CrawlerRunningException), false },
        { "EntityNotFoundException", HttpStatusCode.BadRequest, typeof(EntityNotFoundException), false },
        { "InternalServiceException", HttpStatusCode.InternalServerError, typeof(InternalServiceException), true },
        { "InvalidInputException", HttpStatusCode.BadRequest, typeof(InvalidInputException), false },
        { "OperationTimeoutException", HttpStatusCode.BadRequest, typeof(OperationTimeoutException), true },
        { "ResourceNumberLimitExceededException", HttpStatusCode.BadRequest, typeof(ResourceNumberLimitExceededException), false },
        { "ThrottlingException", HttpStatusCode.BadRequest, typeof(ThrottlingException), true },
        { "ValidationException", HttpStatusCode.BadRequest, typeof(AmazonGlueException), false },
        { "SomethingNewException", HttpStatusCode.BadRequest, typeof(AmazonGlueException), false },
        { "ServiceUnavailableException", HttpStatusCode.ServiceUnavailable, typeof(AmazonGlueException), true },
    };

    public static TheoryData<string, HttpStatusCode, Type, bool> AthenaErrors => new()
    {
        { "InternalServerException", HttpStatusCode.InternalServerError, typeof(AthenaModel.InternalServerException), true },
        { "InvalidRequestException", HttpStatusCode.BadRequest, typeof(AthenaModel.InvalidRequestException), false },
        { "ResourceNotFoundException", HttpStatusCode.BadRequest, typeof(AthenaModel.ResourceNotFoundException), false },
        { "TooManyRequestsException", HttpStatusCode.BadRequest, typeof(AthenaModel.TooManyRequestsException), true },
        { "AccessDeniedException", HttpStatusCode.BadRequest, typeof(AmazonAthenaException), false },
        { "ThrottlingException", HttpStatusCode.BadRequest, typeof(AmazonAthenaException), true },
    };

    [Theory]
    [MemberData(nameof(GlueErrors))]
    public async Task Glue_errors_map_to_their_exception_type_with_code_message_request_id_and_retryability(
        string code, HttpStatusCode status, Type expected, bool retryable)
    {
        foreach (var type in new[] { code, "com.amazonaws.glue#" + code, code + ":http://internal.amazon.com/coral/com.amazon.coral.validate/" })
        {
            var aws = new AwsTestClients();
            aws.Options.MaxAttempts = 1;
            aws.Handler.ThenError(type, status, message: "it failed", requestId: "rid-" + code);
            using var glue = aws.Glue();

            var ex = await Assert.ThrowsAnyAsync<AmazonGlueException>(() => glue.GetJobAsync(new GetJobRequest { JobName = "j" }));

            Assert.IsType(expected, ex);
            Assert.Equal(code, ex.ErrorCode);
            Assert.Equal("it failed", ex.Message);
            Assert.Equal("rid-" + code, ex.RequestId);
            Assert.Equal(status, ex.StatusCode);
            Assert.Equal(retryable, ex.IsRetryable);
        }
    }

    [Theory]
    [MemberData(nameof(AthenaErrors))]
    public async Task Athena_errors_map_to_their_exception_type_with_code_and_retryability(
        string code, HttpStatusCode status, Type expected, bool retryable)
    {
        foreach (var type in new[] { code, "com.amazonaws.athena#" + code })
        {
            var aws = new AwsTestClients();
            aws.Options.MaxAttempts = 1;
            aws.Handler.ThenError(type, status, requestId: "rid");
            using var athena = aws.Athena();

            var ex = await Assert.ThrowsAnyAsync<AmazonAthenaException>(
                () => athena.GetQueryExecutionAsync(new AthenaModel.GetQueryExecutionRequest { QueryExecutionId = "q" }));

            Assert.IsType(expected, ex);
            Assert.Equal(code, ex.ErrorCode);
            Assert.Equal("rid", ex.RequestId);
            Assert.Equal(retryable, ex.IsRetryable);
        }
    }

    [Fact]
    public void The_error_type_header_wins_and_Message_with_a_capital_is_read()
    {
        var error = AwsErrorParser.Parse(
            HttpStatusCode.BadRequest, "rid", "EntityNotFoundException:http://internal.amazon.com/",
            """{"__type":"SomethingElse","Message":"Entity Not Found"}"""u8);

        Assert.Equal("EntityNotFoundException", error.Code);
        Assert.Equal("Entity Not Found", error.Message);
        Assert.Equal("rid", error.RequestId);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, "InternalFailure", true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", true)]
    [InlineData(HttpStatusCode.TooManyRequests, "TooManyRequestsException", true)]
    [InlineData(HttpStatusCode.NotFound, "UnknownError", false)]
    public void A_body_that_is_not_json_still_gives_a_classified_error(HttpStatusCode status, string code, bool retryable)
    {
        var error = AwsErrorParser.Parse(status, null, null, "<html>Bad Gateway</html>"u8);
        var ex = new AmazonGlueException(error.Message, error.Code, error.RequestId, error.StatusCode);

        Assert.Equal(code, error.Code);
        Assert.Contains("Bad Gateway", error.Message, StringComparison.Ordinal);
        Assert.Equal(retryable, ex.IsRetryable);
    }

    [Theory]
    [InlineData("Throttling")]
    [InlineData("ThrottlingException")]
    [InlineData("TooManyRequestsException")]
    [InlineData("RequestLimitExceeded")]
    [InlineData("ProvisionedThroughputExceededException")]
    public void Throttling_codes_are_throttling_and_retryable(string code)
    {
        var ex = new AwsServiceException("slow down", code, null, HttpStatusCode.BadRequest);

        Assert.True(ex.IsThrottling);
        Assert.True(ex.IsRetryable);
    }
}
