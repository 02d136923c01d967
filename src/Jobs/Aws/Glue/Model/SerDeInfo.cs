namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>The serializer/deserializer of a storage descriptor.</summary>
public sealed class SerDeInfo
{
    public string? Name { get; set; }

    public string? SerializationLibrary { get; set; }

    public Dictionary<string, string>? Parameters { get; set; }
}
