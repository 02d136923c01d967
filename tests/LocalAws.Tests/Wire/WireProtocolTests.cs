using System.Net;
using LocalAws.Tests.Infrastructure;

namespace LocalAws.Tests.Wire;

[Collection(LocalAwsCollectionDefinition.Name)]
public sealed class WireProtocolTests(LocalAwsFixture fixture)
{
    [Fact]
    public async Task Unsigned_call_is_rejected_with_MissingAuthenticationToken()
    {
        var response = await fixture.Aws.SendAsync("AWSGlue.GetDatabases", "{}", authorization: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("MissingAuthenticationTokenException", response.ErrorType);
    }

    [Fact]
    public async Task Non_SigV4_authorization_is_rejected_with_IncompleteSignature()
    {
        var response = await fixture.Aws.SendAsync("AWSGlue.GetDatabases", "{}", authorization: "Basic dXNlcjpwYXNz");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("IncompleteSignatureException", response.ErrorType);
    }

    [Fact]
    public async Task Unknown_target_is_UnknownOperationException()
    {
        var response = await fixture.Aws.SendAsync("AWSGlue.NoSuchOperation", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("UnknownOperationException", response.ErrorType);
    }

    [Fact]
    public async Task Responses_carry_the_json_1_1_content_type_and_a_request_id()
    {
        var ok = await fixture.Aws.SendAsync("AWSGlue.GetDatabases", "{}");
        var error = await fixture.Aws.SendAsync("AWSGlue.GetDatabase", """{"Name":"does_not_exist"}""");

        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal("application/x-amz-json-1.1", ok.ContentType);
        Assert.False(string.IsNullOrEmpty(ok.RequestId));
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("EntityNotFoundException", error.ErrorType);
        Assert.Equal("application/x-amz-json-1.1", error.ContentType);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Contains("does_not_exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_member_is_a_ValidationException_naming_it()
    {
        var response = await fixture.Aws.SendAsync("AWSGlue.GetTable", """{"Name":"t"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationException", response.ErrorType);
        Assert.Contains("'databaseName'", response.Message, StringComparison.Ordinal);
    }
}
