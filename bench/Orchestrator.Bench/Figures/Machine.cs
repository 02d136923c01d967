using System.Globalization;

namespace Orchestrator.Bench.Figures;

/// <summary>What the figures were measured on: cores, CPU model and RAM, from /proc as the README quotes them.</summary>
internal static class Machine
{
    public static string Describe()
    {
        string cpu = Read("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) is string model
            ? model[(model.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()
            : "unknown CPU";
        string memory = Read("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is string total
            ? string.Create(CultureInfo.InvariantCulture,
                $"{long.Parse(total["MemTotal:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1048576.0:F0} GiB RAM")
            : "unknown RAM";
        return $"{Environment.ProcessorCount} cores ({cpu}), {memory}";
    }

    /// <summary>The 1-minute load average (/proc/loadavg): on a shared machine, how busy it was when the run started.</summary>
    public static double? LoadAverage() =>
        Read("/proc/loadavg").FirstOrDefault()?.Split(' ') is [var first, ..]
        && double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out double load)
            ? load
            : null;

    private static IEnumerable<string> Read(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}
