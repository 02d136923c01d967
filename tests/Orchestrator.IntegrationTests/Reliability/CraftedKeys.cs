using System.Globalization;

namespace Orchestrator.IntegrationTests.Reliability;

/// <summary>
/// Object names that break naive key handling: a space (<c>+</c> in the notification), a literal <c>+</c> (<c>%2B</c>),
/// unicode (multi-byte UTF-8), <c>=</c> inside a name beside the hive <c>key=value</c> folders, a literal <c>%</c>, and
/// brackets and quotes.
/// </summary>
internal static class CraftedKeys
{
    public static string FileName(int i) => (i % 6) switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"part {i} copy.csv"),
        1 => string.Create(CultureInfo.InvariantCulture, $"a+b+{i}.csv"),
        2 => string.Create(CultureInfo.InvariantCulture, $"données-ü€-日本-{i}.csv"),
        3 => string.Create(CultureInfo.InvariantCulture, $"k=v=={i}.csv"),
        4 => string.Create(CultureInfo.InvariantCulture, $"100%-{i}.csv"),
        _ => string.Create(CultureInfo.InvariantCulture, $"it's (x) [{i}].csv"),
    };
}
