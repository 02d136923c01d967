namespace Orchestrator.Jobs.Aws.Athena.Model;

/// <summary>A workgroup's configuration (subset: identity-center and access-grant settings are not mapped).</summary>
public sealed class WorkGroupConfiguration
{
    public ResultConfiguration? ResultConfiguration { get; set; }

    public bool? EnforceWorkGroupConfiguration { get; set; }

    public bool? PublishCloudWatchMetricsEnabled { get; set; }

    public long? BytesScannedCutoffPerQuery { get; set; }

    public bool? RequesterPaysEnabled { get; set; }

    public EngineVersion? EngineVersion { get; set; }

    public string? AdditionalConfiguration { get; set; }

    public string? ExecutionRole { get; set; }

    public bool? EnableMinimumEncryptionConfiguration { get; set; }
}
