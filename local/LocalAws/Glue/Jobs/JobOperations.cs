using System.Text.Json.Nodes;
using LocalAws.Wire;

namespace LocalAws.Glue.Jobs;

/// <summary>CreateJob, GetJob, StartJobRun, GetJobRun, GetJobRuns, BatchStopJobRun.</summary>
internal sealed class JobOperations(JobStore jobs, JobRunner runner) : IOperationGroup
{
    // Glue API limits: GetJobRuns MaxResults 1..200, BatchStopJobRun 1..25 run ids, Timeout >= 1 minute.
    private const int MaxRunsPage = 200;
    private const int MaxStopBatch = 25;

    public void Register(OperationTable table)
    {
        table.Add(AwsService.Glue, "CreateJob", CreateJob);
        table.Add(AwsService.Glue, "GetJob", GetJob);
        table.Add(AwsService.Glue, "StartJobRun", StartJobRun);
        table.Add(AwsService.Glue, "GetJobRun", GetJobRun);
        table.Add(AwsService.Glue, "GetJobRuns", GetJobRuns);
        table.Add(AwsService.Glue, "BatchStopJobRun", BatchStopJobRun);
    }

    private JsonObject CreateJob(JsonObject request)
    {
        jobs.Create(request);
        return new JsonObject { ["Name"] = request.RequiredString("Name") };
    }

    private JsonObject GetJob(JsonObject request) =>
        new() { ["Job"] = jobs.Get(request.RequiredString("JobName")).Definition.DeepClone() };

    private JsonObject StartJobRun(JsonObject request)
    {
        var jobName = request.RequiredString("JobName");
        var arguments = request.StringMap("Arguments");
        var timeout = request.OptionalInt("Timeout", 1, int.MaxValue);
        var run = jobs.Start(jobName, arguments, timeout, request.OptionalString("JobRunId"));
        runner.Start(run, run.Job.EffectiveArguments(arguments));
        return new JsonObject { ["JobRunId"] = run.Id };
    }

    private JsonObject GetJobRun(JsonObject request) =>
        new() { ["JobRun"] = jobs.GetRun(request.RequiredString("JobName"), request.RequiredString("RunId")).ToJson() };

    private JsonObject GetJobRuns(JsonObject request)
    {
        var runs = jobs.Runs(request.RequiredString("JobName"));
        var pageSize = request.OptionalInt("MaxResults", 1, MaxRunsPage) ?? 100;
        var offset = PageToken.Decode(request.OptionalString("NextToken"), GlueErrors.InvalidInput);
        var (page, next) = PageToken.Slice(runs, offset, pageSize);
        return new JsonObject { ["JobRuns"] = new JsonArray([.. page.Select(r => r.ToJson())]), ["NextToken"] = next };
    }

    private JsonObject BatchStopJobRun(JsonObject request)
    {
        var jobName = request.RequiredString("JobName");
        var ids = request.RequiredStringList("JobRunIds", 1, MaxStopBatch);
        var stopped = new JsonArray();
        var errors = new JsonArray();
        foreach (var id in ids)
        {
            var run = jobs.FindRun(jobName, id);
            if (run is not null && run.RequestStop(jobs.Now))
            {
                stopped.Add(new JsonObject { ["JobName"] = jobName, ["JobRunId"] = id });
                continue;
            }

            var (code, message) = run is null
                ? ("EntityNotFoundException", $"Job run {id} not found")
                : ("InvalidInputException", $"Job run {id} cannot be stopped in its current state {run.State}");
            errors.Add(new JsonObject
            {
                ["JobName"] = jobName,
                ["JobRunId"] = id,
                ["ErrorDetail"] = new JsonObject { ["ErrorCode"] = code, ["ErrorMessage"] = message },
            });
        }

        return new JsonObject { ["SuccessfulSubmissions"] = stopped, ["Errors"] = errors };
    }
}
