using Microsoft.Extensions.Options;

namespace Orchestrator.Jobs.Aws;

/// <summary>Checks the ranges on <see cref="AwsClientOptions"/> at start-up (source-generated from the attributes).</summary>
[OptionsValidator]
internal sealed partial class AwsClientOptionsValidator : IValidateOptions<AwsClientOptions>;
