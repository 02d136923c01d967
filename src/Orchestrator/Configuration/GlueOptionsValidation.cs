using Orchestrator.Jobs.Datasets;
using Orchestrator.Jobs.GlueRuns;
using Orchestrator.Scheduling;
using Quartz;

namespace Orchestrator.Configuration;

/// <summary>Rules for the datasets' Glue, table and schedule settings, and for the scheduler; every error with its key.</summary>
internal static class GlueOptionsValidation
{
    private static readonly HashSet<string> ReservedArguments = new(StringComparer.Ordinal)
    {
        "--job-bookmark-option", "--job-bookmark-from", "--job-bookmark-to", DatasetJob.RunIdArgument,
    };

    public static void Validate(OrchestratorOptions options, List<string> errors)
    {
        ValidateScheduling(options.Scheduling, errors);
        foreach (var (name, dataset) in options.Datasets)
        {
            string key = $"{OrchestratorOptions.SectionName}:Datasets:{name}";
            Table(dataset.RawTable, key + ":RawTable", errors);
            Table(dataset.OutputTable, key + ":OutputTable", errors);
            Glue(options, name, dataset.Glue, key + ":Glue", errors);
        }

        Cycles(options, errors);
    }

    private static void Glue(OrchestratorOptions options, string dataset, GlueJobOptions glue, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(glue.Job))
        {
            if (glue.Schedules.Count > 0 || glue.Then.Count > 0)
            {
                errors.Add($"{key}:Job: a Glue job name is required when Schedules or Then are set.");
            }

            return;
        }

        if (glue.Job.Length > 255 || glue.Job.Any(char.IsControl))
        {
            errors.Add($"{key}:Job: '{glue.Job}' is not a Glue job name (1-255 characters on one line).");
        }

        if (DatasetJobDefinitions.ParseBookmark(glue.Bookmark) is not { } bookmark)
        {
            errors.Add($"{key}:Bookmark: '{glue.Bookmark}' is not one of enable, disable, pause.");
        }
        else if (bookmark == BookmarkOption.Pause && (glue.BookmarkFrom is null) != (glue.BookmarkTo is null))
        {
            errors.Add($"{key}:BookmarkTo: with pause, --job-bookmark-from and --job-bookmark-to are set together (Glue's rule), or neither.");
        }
        else if (bookmark != BookmarkOption.Pause && (glue.BookmarkFrom is not null || glue.BookmarkTo is not null))
        {
            errors.Add($"{key}:BookmarkFrom: a bookmark window only applies with Bookmark = pause.");
        }

        foreach (string argument in glue.Arguments.Keys)
        {
            if (!argument.StartsWith("--", StringComparison.Ordinal) || ReservedArguments.Contains(argument))
            {
                errors.Add($"{key}:Arguments:{argument}: job arguments start with '--' and may not be one the orchestrator sets " +
                           $"({string.Join(", ", ReservedArguments)}).");
            }
        }

        Between(errors, key + ":Debounce", glue.Debounce, TimeSpan.Zero, TimeSpan.FromDays(1));
        if (glue.MaxWait < glue.Debounce)
        {
            errors.Add($"{key}:MaxWait: {Show(glue.MaxWait)} must be at least Debounce ({Show(glue.Debounce)}).");
        }

        if (glue.MaxBatch < 1)
        {
            errors.Add($"{key}:MaxBatch: {glue.MaxBatch} must be at least 1.");
        }

        if (glue.RetryAttempts is < 0 or > 10)
        {
            errors.Add($"{key}:RetryAttempts: {glue.RetryAttempts} is outside 0..10.");
        }

        Between(errors, key + ":RetryBackoff", glue.RetryBackoff, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Between(errors, key + ":StartWindow", glue.StartWindow, TimeSpan.FromSeconds(10), TimeSpan.FromDays(1));
        Between(errors, key + ":MinPollInterval", glue.MinPollInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
        if (glue.MaxPollInterval < glue.MinPollInterval)
        {
            errors.Add($"{key}:MaxPollInterval: {Show(glue.MaxPollInterval)} must be at least MinPollInterval ({Show(glue.MinPollInterval)}).");
        }

        Schedules(glue.Schedules, key + ":Schedules", errors);
        for (int i = 0; i < glue.Then.Count; i++)
        {
            string next = glue.Then[i];
            if (next == dataset || !options.Datasets.TryGetValue(next, out var target) || string.IsNullOrWhiteSpace(target.Glue.Job))
            {
                errors.Add($"{key}:Then:{i}: '{next}' is not another dataset with a Glue job.");
            }
        }
    }

    private static void Schedules(List<ScheduleOptions> schedules, string key, List<string> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < schedules.Count; i++)
        {
            var schedule = schedules[i];
            string at = $"{key}:{i}";
            if (schedule.Name.Length is 0 or > 64 || !schedule.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                errors.Add($"{at}:Name: '{schedule.Name}' must be 1-64 characters of letters, digits, '-' or '_'.");
            }
            else if (!names.Add(schedule.Name))
            {
                errors.Add($"{at}:Name: '{schedule.Name}' is used twice in this dataset.");
            }

            if (!CronExpression.TryParse(schedule.Cron, out _))
            {
                errors.Add($"{at}:Cron: '{schedule.Cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month " +
                           "day-of-week [year], e.g. '0 0 3 * * ?').");
            }

            try
            {
                _ = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                errors.Add($"{at}:TimeZone: '{schedule.TimeZone}' is not a known time zone (e.g. UTC, Europe/Berlin).");
            }

            if (!schedule.Misfire.Equals("FireOnce", StringComparison.OrdinalIgnoreCase) && !schedule.Misfire.Equals("Skip", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{at}:Misfire: '{schedule.Misfire}' is not one of FireOnce, Skip.");
            }
        }
    }

    private static void Table(TableOptions table, string key, List<string> errors)
    {
        if (table.Database.Length == 0 && table.Table.Length == 0)
        {
            return;
        }

        foreach (var (part, value) in new[] { ("Database", table.Database), ("Table", table.Table) })
        {
            if (!PartitionValueRules.IsValidIdentifier(value))
            {
                errors.Add($"{key}:{part}: '{value}' is not a Glue/Athena name (lower-case a-z, 0-9, '_', starting with a letter or '_').");
            }
        }
    }

    private static void Cycles(OrchestratorOptions options, List<string> errors)
    {
        foreach (string start in options.Datasets.Keys)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>([start]);
            while (queue.TryDequeue(out var current))
            {
                foreach (string next in options.Datasets.GetValueOrDefault(current)?.Glue.Then ?? [])
                {
                    if (next == start)
                    {
                        errors.Add($"{OrchestratorOptions.SectionName}:Datasets:{start}:Glue:Then: the chain comes back to '{start}', which would run forever.");
                        return;
                    }

                    if (seen.Add(next))
                    {
                        queue.Enqueue(next);
                    }
                }
            }
        }
    }

    private static void ValidateScheduling(SchedulingOptions scheduling, List<string> errors)
    {
        const string S = OrchestratorOptions.SectionName + ":Scheduling:";
        if (scheduling.Threads is < 1 or > 64)
        {
            errors.Add($"{S}Threads: {scheduling.Threads} is outside 1..64.");
        }

        Between(errors, S + "CheckinInterval", scheduling.CheckinInterval, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        Between(errors, S + "CheckinMisfireThreshold", scheduling.CheckinMisfireThreshold, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Between(errors, S + "MisfireThreshold", scheduling.MisfireThreshold, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        if (scheduling.DpuHourPrice is < 0 or > 100)
        {
            errors.Add($"{S}DpuHourPrice: {scheduling.DpuHourPrice} is not a price per DPU-hour in USD (0..100).");
        }

        if (scheduling.AthenaTerabytePrice is < 0 or > 1000 || double.IsNaN(scheduling.AthenaTerabytePrice))
        {
            errors.Add($"{S}AthenaTerabytePrice: {scheduling.AthenaTerabytePrice} is not a price per terabyte scanned in USD (0..1000).");
        }
    }

    private static void Between(List<string> errors, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key}: {Show(value)} is outside {Show(min)}..{Show(max)}.");
        }
    }

    private static string Show(TimeSpan value) => StrictConfigurationBinder.Show(value);
}
