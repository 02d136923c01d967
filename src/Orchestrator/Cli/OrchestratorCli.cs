using System.CommandLine;

namespace Orchestrator.Cli;

/// <summary>The command line: <c>run</c> (default), <c>config validate</c>, <c>healthcheck</c>, <c>trigger</c>, <c>bookmark</c>, <c>runs</c>, <c>status</c>,
/// <c>schedules</c>, <c>dlq redrive</c>.</summary>
internal static class OrchestratorCli
{
    public static RootCommand Build()
    {
        var configFile = new Option<string?>("--config")
        {
            Description = "An extra JSON configuration file, applied after appsettings.json and before environment variables.",
            Recursive = true,
        };

        var run = new Command("run", "Consume the queue and run the work until SIGTERM (the default).");
        run.SetAction((parse, _) => RunCommand.RunAsync(parse.GetValue(configFile), Console.Error));

        var validate = new Command("validate", "Print the resolved configuration (secrets redacted) and every error; exit 0 if valid, 1 if not.");
        validate.SetAction((parse, _) => ConfigValidateCommand.RunAsync(parse.GetValue(configFile), Console.Out, Console.Error));
        var config = new Command("config", "Configuration tools.") { validate };

        var healthcheck = new Command("healthcheck", "Exit 0 if the poll loop made progress within Health:MaxSilence (for the ECS container health check).");
        healthcheck.SetAction((parse, _) => HealthcheckCommand.RunAsync(parse.GetValue(configFile), Console.Out, TimeProvider.System));

        var dataset = new Argument<string>("dataset") { Description = "A configured dataset with a Glue job." };
        var trigger = new Command("trigger", "Ask for a Glue run of the dataset now (the same path as events and schedules).") { dataset };
        trigger.SetAction((parse, _) => TriggerCommand.RunAsync(parse.GetValue(configFile), parse.GetValue(dataset)!, Console.Out, Console.Error));

        var job = new Argument<string>("job") { Description = "The Glue job name." };
        var runId = new Option<string?>("--run-id") { Description = "Rewind to just after this Glue run id instead of resetting completely." };
        var show = new Command("show", "Print the job's bookmark.") { job };
        show.SetAction((parse, _) => BookmarkCommand.ShowAsync(parse.GetValue(configFile), parse.GetValue(job)!, Console.Out, Console.Error));
        var reset = new Command("reset", "Reset the job's bookmark (or rewind it with --run-id); refused while a run of the job is active.") { job, runId };
        reset.SetAction((parse, _) => BookmarkCommand.ResetAsync(parse.GetValue(configFile), parse.GetValue(job)!, parse.GetValue(runId), Console.Out, Console.Error));
        var bookmark = new Command("bookmark", "Glue job bookmarks.") { show, reset };

        var datasetFilter = new Option<string?>("--dataset") { Description = "Only this dataset's runs." };
        var limit = new Option<int>("--limit") { Description = "How many runs.", DefaultValueFactory = _ => 20 };
        var runs = new Command("runs", "Recent Glue runs, newest first.") { datasetFilter, limit };
        runs.SetAction((parse, _) => RunsCommand.RunAsync(parse.GetValue(configFile), parse.GetValue(datasetFilter), parse.GetValue(limit), Console.Out, Console.Error));

        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of a table (for scripts)." };
        var status = new Command("status", "Per dataset: objects by state, active and last run, next fire times; queue and DLQ depth. Exit 2 if the queue cannot be read.") { json };
        status.SetAction((parse, _) => StatusCommand.RunAsync(parse.GetValue(configFile), parse.GetValue(json), Console.Out, Console.Error));

        var schedules = new Command("schedules", "Every Quartz trigger of the orchestrator: job, kind, cron and time zone, next and previous fire time.") { json };
        schedules.SetAction((parse, _) => SchedulesCommand.RunAsync(parse.GetValue(configFile), parse.GetValue(json), Console.Out, Console.Error));

        var dryRun = new Option<bool>("--dry-run") { Description = "Only count and print the messages (id, first 120 characters); change nothing." };
        var max = new Option<int?>("--max") { Description = "Move at most this many messages." };
        var redrive = new Command("redrive", "Move the dead-letter queue's messages back to the queue (deleted from the DLQ only once sent). Exit 2 without a redrive policy.") { dryRun, max };
        redrive.SetAction((parse, _) => DlqRedriveCommand.RunAsync(parse.GetValue(configFile), parse.GetValue(dryRun), parse.GetValue(max), Console.Out, Console.Error));
        var dlq = new Command("dlq", "The queue's dead-letter queue.") { redrive };

        var root = new RootCommand("Orchestrator: S3 event notifications from SQS into the Glue catalog, Glue job runs and Athena maintenance.")
        {
            configFile, run, config, healthcheck, trigger, bookmark, runs, status, schedules, dlq,
        };
        root.SetAction((parse, _) => RunCommand.RunAsync(parse.GetValue(configFile), Console.Error));
        return root;
    }
}
