using System.Globalization;
using Xunit.Abstractions;

namespace Orchestrator.IntegrationTests.Reliability;

/// <summary>
/// The figures of one run, printed to the test output and appended to <c>RELIABILITY_REPORT</c> when set, so
/// <c>bench/reliability</c> can print them whether the run passed or not.
/// </summary>
internal sealed class ReliabilityReport(string scenario, ITestOutputHelper output)
{
    private readonly List<(string Name, string Value)> figures = [];

    /// <summary>A folder for the logs of a failed run: under <c>RELIABILITY_LOGS</c> when set, else the temp folder; kept.</summary>
    public static string LogFolder(string scenario) => Path.Combine(
        Environment.GetEnvironmentVariable("RELIABILITY_LOGS") is { Length: > 0 } root ? root : Path.GetTempPath(),
        $"reliability-{scenario}-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}");

    public void Add(string name, object value) =>
        figures.Add((name, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));

    public void Write(IReadOnlyCollection<string> violations)
    {
        var lines = new List<string>
        {
            $"## {scenario} — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores — {(violations.Count == 0 ? "PASS" : "FAIL")}",
        };
        lines.AddRange(figures.Select(f => $"  {f.Name,-34} {f.Value}"));
        lines.AddRange(violations.Select(v => $"  VIOLATION: {v}"));
        foreach (string line in lines)
        {
            output.WriteLine(line);
        }

        if (Environment.GetEnvironmentVariable("RELIABILITY_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllLines(file, lines);
        }
    }
}
