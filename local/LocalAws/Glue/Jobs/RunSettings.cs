using System.Globalization;

namespace LocalAws.Glue.Jobs;

/// <summary>
/// How the emulator plays a run, from the job's effective arguments (DefaultArguments + run Arguments):
/// <c>--local-run-seconds</c> (time spent RUNNING, default 1), <c>--local-starting-seconds</c> (time in STARTING, default 0.2),
/// <c>--local-outcome</c> (SUCCEEDED, FAILED or ERROR), <c>--local-error-message</c>, and <c>--local-timeout-seconds</c>
/// (overrides the Timeout in minutes so tests can reach TIMEOUT quickly).
/// </summary>
internal sealed record RunSettings(TimeSpan Starting, TimeSpan Running, string Outcome, string? ErrorMessage, TimeSpan Timeout)
{
    public static RunSettings From(IReadOnlyDictionary<string, string> arguments, int timeoutMinutes)
    {
        var timeout = Seconds(arguments, "--local-timeout-seconds") ?? TimeSpan.FromMinutes(timeoutMinutes);
        var outcome = arguments.GetValueOrDefault("--local-outcome")?.ToUpperInvariant() switch
        {
            JobRunStates.Failed => JobRunStates.Failed,
            JobRunStates.Error => JobRunStates.Error,
            _ => JobRunStates.Succeeded,
        };
        return new RunSettings(
            Seconds(arguments, "--local-starting-seconds") ?? TimeSpan.FromSeconds(0.2),
            Seconds(arguments, "--local-run-seconds") ?? TimeSpan.FromSeconds(1),
            outcome,
            arguments.GetValueOrDefault("--local-error-message"),
            timeout);
    }

    private static TimeSpan? Seconds(IReadOnlyDictionary<string, string> arguments, string name) =>
        arguments.TryGetValue(name, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(Math.Max(0, seconds))
            : null;
}
