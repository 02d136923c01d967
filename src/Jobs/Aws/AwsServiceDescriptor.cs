namespace Orchestrator.Jobs.Aws;

/// <summary>What differs between the JSON 1.1 services this project calls.</summary>
/// <param name="ServiceId">The SDK service id: span and metric tag, and the suffix of <c>AWS_ENDPOINT_URL_&lt;ID&gt;</c>.</param>
/// <param name="EndpointPrefix">The host prefix of the default endpoint and the SigV4 signing name (<c>glue</c>, <c>athena</c>).</param>
/// <param name="TargetPrefix">The <c>X-Amz-Target</c> prefix from the model's metadata (<c>AWSGlue</c>, <c>AmazonAthena</c>).</param>
/// <param name="CreateException">Maps an error response to the service's exception types.</param>
internal sealed record AwsServiceDescriptor(
    string ServiceId,
    string EndpointPrefix,
    string TargetPrefix,
    Func<AwsErrorResponse, AwsServiceException> CreateException);
