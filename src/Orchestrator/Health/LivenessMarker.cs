using System.Globalization;
using Microsoft.Extensions.Options;
using Orchestrator.Configuration;

namespace Orchestrator.Health;

/// <summary>
/// Records that the poll loop made progress (a receive returned, or a batch was handled) by writing the time into the
/// liveness file; <c>orchestrator healthcheck</c> compares it with now. Writes at most every few seconds: the file is a
/// heartbeat, not a log.
/// </summary>
internal sealed class LivenessMarker(IOptions<OrchestratorOptions> options, TimeProvider time)
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(2);
    private readonly string path = options.Value.Health.LivenessFile;
    private long lastWriteTicks;

    public void Touch()
    {
        var now = time.GetUtcNow();
        long last = Interlocked.Read(ref lastWriteTicks);
        if (now.UtcTicks - last < MinInterval.Ticks || Interlocked.CompareExchange(ref lastWriteTicks, now.UtcTicks, last) != last)
        {
            return;
        }

        try
        {
            // Write then rename, so the health check never reads a half-written file.
            string temporary = path + ".tmp";
            File.WriteAllText(temporary, now.ToString("O", CultureInfo.InvariantCulture));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not fatal to the work itself; the health check will see the file age and report it, which is the right signal.
        }
    }

    /// <summary>The last recorded progress, or null when there is none (or the file is unreadable).</summary>
    public static DateTimeOffset? Read(string path)
    {
        try
        {
            return DateTimeOffset.TryParse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? at
                : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
