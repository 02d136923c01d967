using System.Text.Json.Serialization;
using Orchestrator.Jobs.Aws.Glue.Model;

namespace Orchestrator.Jobs.Aws.Glue;

/// <summary>
/// Source-generated JSON for the Glue operations: property names exactly as on the wire (the models' PascalCase), nulls
/// left out of requests, absent collections left null in responses (as the SDK v4 does), timestamps as epoch seconds.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsJsonConverter)])]
[JsonSerializable(typeof(BatchCreatePartitionRequest))]
[JsonSerializable(typeof(BatchCreatePartitionResponse))]
[JsonSerializable(typeof(BatchGetPartitionRequest))]
[JsonSerializable(typeof(BatchGetPartitionResponse))]
[JsonSerializable(typeof(BatchStopJobRunRequest))]
[JsonSerializable(typeof(BatchStopJobRunResponse))]
[JsonSerializable(typeof(GetCrawlerRequest))]
[JsonSerializable(typeof(GetCrawlerResponse))]
[JsonSerializable(typeof(GetDatabaseRequest))]
[JsonSerializable(typeof(GetDatabaseResponse))]
[JsonSerializable(typeof(GetJobBookmarkRequest))]
[JsonSerializable(typeof(GetJobBookmarkResponse))]
[JsonSerializable(typeof(GetJobRequest))]
[JsonSerializable(typeof(GetJobResponse))]
[JsonSerializable(typeof(GetJobRunRequest))]
[JsonSerializable(typeof(GetJobRunResponse))]
[JsonSerializable(typeof(GetJobRunsRequest))]
[JsonSerializable(typeof(GetJobRunsResponse))]
[JsonSerializable(typeof(GetPartitionsRequest))]
[JsonSerializable(typeof(GetPartitionsResponse))]
[JsonSerializable(typeof(GetTableRequest))]
[JsonSerializable(typeof(GetTableResponse))]
[JsonSerializable(typeof(GetTableOptimizerRequest))]
[JsonSerializable(typeof(GetTableOptimizerResponse))]
[JsonSerializable(typeof(ResetJobBookmarkRequest))]
[JsonSerializable(typeof(ResetJobBookmarkResponse))]
[JsonSerializable(typeof(StartCrawlerRequest))]
[JsonSerializable(typeof(StartCrawlerResponse))]
[JsonSerializable(typeof(StartJobRunRequest))]
[JsonSerializable(typeof(StartJobRunResponse))]
internal sealed partial class GlueJsonContext : JsonSerializerContext;
