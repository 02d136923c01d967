using System.Text.Json.Serialization;
using Orchestrator.Jobs.Aws.Athena.Model;

namespace Orchestrator.Jobs.Aws.Athena;

/// <summary>
/// Source-generated JSON for the Athena operations: property names exactly as on the wire (the models' PascalCase), nulls
/// left out of requests, absent collections left null in responses (as the SDK v4 does), timestamps as epoch seconds.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsJsonConverter)])]
[JsonSerializable(typeof(GetQueryExecutionRequest))]
[JsonSerializable(typeof(GetQueryExecutionResponse))]
[JsonSerializable(typeof(GetQueryResultsRequest))]
[JsonSerializable(typeof(GetQueryResultsResponse))]
[JsonSerializable(typeof(GetWorkGroupRequest))]
[JsonSerializable(typeof(GetWorkGroupResponse))]
[JsonSerializable(typeof(StartQueryExecutionRequest))]
[JsonSerializable(typeof(StartQueryExecutionResponse))]
[JsonSerializable(typeof(StopQueryExecutionRequest))]
[JsonSerializable(typeof(StopQueryExecutionResponse))]
internal sealed partial class AthenaJsonContext : JsonSerializerContext;
