namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Output of <c>AWSGlue.BatchStopJobRun</c>: the runs whose stop was accepted and per-run errors.</summary>
public sealed class BatchStopJobRunResponse : AmazonWebServiceResponse
{
    public List<BatchStopJobRunSuccessfulSubmission>? SuccessfulSubmissions { get; set; }

    public List<BatchStopJobRunError>? Errors { get; set; }
}
