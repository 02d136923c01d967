using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Orchestrator.Bench.Figures;

namespace Orchestrator.Bench.Modes;

/// <summary>
/// <c>all</c>: every benchmark, one after the other, each as its own process (<c>dotnet Orchestrator.Bench.dll &lt;mode&gt;</c>,
/// so one's memory, threads and JIT state do not colour the next), each printing its own lines and, last, one JSON object.
/// Those objects are merged under their mode's name into one JSON line after one Markdown table. A mode this build does not
/// have (exit code 2, "unknown mode") is reported as not run. Arguments: <c>[--messages N] [--partition-objects N] [--objects N] [--repetitions N]</c>.
/// </summary>
internal static class AllBenchmarks
{
    /// <summary>The order they run in and the arguments each takes from the command line.</summary>
    public static readonly IReadOnlyList<(string Mode, string? Option)> Order =
    [
        ("ingestion", "--messages"),
        ("partitions", "--partition-objects"),
        ("latency", "--objects"),
        ("startup", "--repetitions"),
    ];

    /// <summary>A bound on each mode, so that a hung one cannot keep the whole run from printing its table.</summary>
    private static readonly TimeSpan ModeTimeLimit = TimeSpan.FromMinutes(10);

    private const int TimedOut = -1;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ParseOptions(args);
        var started = DateTimeOffset.UtcNow;
        double? load = Machine.LoadAverage();
        var total = Stopwatch.StartNew();
        var results = new List<ModeResult>();
        foreach (var (mode, option) in Order)
        {
            string[] modeArgs = option is not null && options.TryGetValue(option, out string? value) ? [value] : [];
            Console.WriteLine($"## {mode} {string.Join(' ', modeArgs)}".TrimEnd());
            var stopwatch = Stopwatch.StartNew();
            var (exitCode, lines) = await RunModeAsync(mode, modeArgs);
            var figures = exitCode == 0 ? ModeResult.LastJsonObject(lines) : null;
            string? notRun = exitCode switch
            {
                0 when figures is null => "finished without a JSON line",
                0 => null,
                BenchModes.UnknownMode => "not in this build",
                TimedOut => $"stopped after {ModeTimeLimit.TotalMinutes:F0} min",
                _ => $"failed (exit {exitCode}), see its output above",
            };
            results.Add(new ModeResult(mode, figures, notRun));
            Console.WriteLine($"## {mode}: {(notRun ?? "done")} in {stopwatch.Elapsed.TotalSeconds:F0} s");
            Console.WriteLine();
        }

        var header = new JsonObject
        {
            ["date"] = started.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            ["machine"] = Machine.Describe(),
            ["dotnet"] = Environment.Version.ToString(),
            ["load_average_at_start"] = load,
            ["seconds"] = Math.Round(total.Elapsed.TotalSeconds),
        };
        var merged = BenchReport.Merge(header, results);
        Console.WriteLine($"Benchmarks of {header["date"]} on {header["machine"]}, load average {load?.ToString("F1", CultureInfo.InvariantCulture) ?? "?"} " +
            $"at the start, .NET {header["dotnet"]}, loopback emulators, {header["seconds"]} s in all:");
        Console.WriteLine();
        foreach (string row in BenchReport.Table(merged))
        {
            Console.WriteLine(row);
        }

        Console.WriteLine();
        Console.WriteLine(merged.ToJsonString());
        return results.Any(r => r.Figures is null && r.NotRun != "not in this build") ? 1 : 0;
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (i == 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                options["--messages"] = args[0]; // bench/run 5000, as before
                continue;
            }

            if (!Order.Any(o => o.Option == args[i]) || i + 1 >= args.Length
                || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw new ArgumentException($"all: unexpected '{args[i]}'; usage: all [--messages N] [--partition-objects N] [--objects N] [--repetitions N]");
            }

            options[args[i]] = args[++i];
        }

        return options;
    }

    /// <summary>Runs one mode as a child process, echoing its output indented and keeping its stdout lines.</summary>
    private static async Task<(int ExitCode, List<string> Lines)> RunModeAsync(string mode, string[] modeArgs)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(AllBenchmarks).Assembly.Location);
        info.ArgumentList.Add(mode);
        foreach (string argument in modeArgs)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start the {mode} benchmark");
        using var limit = new CancellationTokenSource(ModeTimeLimit);
        var lines = new List<string>();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(limit.Token) is string line)
            {
                lines.Add(line);
                Console.WriteLine($"   {line}");
            }

            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Console.WriteLine($"   (stopped after {ModeTimeLimit.TotalMinutes:F0} min)");
            return (TimedOut, lines);
        }

        return (process.ExitCode, lines);
    }
}
