using System.Text.RegularExpressions;

namespace Orchestrator.DeployTests.Infrastructure;

/// <summary>The parts of the Dockerfile the tests replay: the build stage's COPY sources, its publish RUN, the runtime ENV.</summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<(string Stage, string Instruction, string Arguments)> instructions) => Instructions = instructions;

    public IReadOnlyList<(string Stage, string Instruction, string Arguments)> Instructions { get; }

    public static Dockerfile Load(string path)
    {
        var instructions = new List<(string, string, string)>();
        string stage = "";
        // Join continuation lines, drop comments and the parser directive.
        string text = ContinuationPattern().Replace(File.ReadAllText(path), " ");
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int space = line.IndexOf(' ', StringComparison.Ordinal);
            string instruction = line[..space].ToUpperInvariant();
            string arguments = line[(space + 1)..].Trim();
            if (instruction == "FROM")
            {
                var named = Regex.Match(arguments, @"\bAS\s+(\S+)$", RegexOptions.IgnoreCase);
                stage = named.Success ? named.Groups[1].Value : arguments;
            }

            instructions.Add((stage, instruction, arguments));
        }

        return new Dockerfile(instructions);
    }

    public IEnumerable<string> Arguments(string stage, string instruction) =>
        Instructions.Where(i => i.Stage == stage && i.Instruction == instruction).Select(i => i.Arguments);

    /// <summary>ENV of a stage, in the <c>KEY=value KEY="value with spaces"</c> form.</summary>
    public IReadOnlyDictionary<string, string> Environment(string stage) => Arguments(stage, "ENV")
        .SelectMany(a => EnvPattern().Matches(a))
        .ToDictionary(m => m.Groups[1].Value, m => m.Groups[3].Success ? m.Groups[3].Value : m.Groups[4].Value, StringComparer.Ordinal);

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuationPattern();

    [GeneratedRegex("([A-Za-z_][A-Za-z0-9_]*)=(\"([^\"]*)\"|(\\S*))")]
    private static partial Regex EnvPattern();
}
