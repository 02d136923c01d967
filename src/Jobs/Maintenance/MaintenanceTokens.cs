using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Jobs.Maintenance;

/// <summary>
/// Athena ClientRequestTokens of task runs: derived from (dataset, task, scheduled fire time, step), so a worker restarted
/// mid-query — or another worker recovering the job — sends the same token and Athena hands back the query already running
/// instead of starting a second one. 70 characters (Athena takes 32–128).
/// </summary>
public static class MaintenanceTokens
{
    /// <summary>The token of one statement of a task run; <paramref name="step"/> tells Compact's statements apart ("" for the only one).</summary>
    public static string For(string dataset, string task, DateTimeOffset scheduledFireTimeUtc, string step = "")
    {
        string key = string.Join('\n', dataset, task,
            scheduledFireTimeUtc.ToUniversalTime().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), step);
        return "maint-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();
    }
}
