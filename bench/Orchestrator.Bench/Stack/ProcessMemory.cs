using System.Globalization;

namespace Orchestrator.Bench.Stack;

/// <summary>The resident set size of another process, from <c>/proc/&lt;pid&gt;/status</c> (VmRSS), in MB.</summary>
internal static class ProcessMemory
{
    public static double? RssMegabytes(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    string kilobytes = line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim();
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024.0;
                }
            }
        }
        catch (IOException)
        {
            // The process is gone.
        }

        return null;
    }
}
