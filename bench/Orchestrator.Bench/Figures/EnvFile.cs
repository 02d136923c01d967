namespace Orchestrator.Bench.Figures;

/// <summary>
/// Reads <c>local/orchestrator.env</c> the way local/AppHost does (KEY=VALUE, no quotes, no expansion, # comments), so the
/// latency and start-up benchmarks run the orchestrator with exactly the local stack's settings.
/// </summary>
internal static class EnvFile
{
    public static Dictionary<string, string> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        int number = 0;
        foreach (string raw in lines)
        {
            number++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"line {number}: expected KEY=VALUE, got '{raw}'");
            }

            values[line[..equals]] = line[(equals + 1)..];
        }

        return values;
    }
}
