namespace LocalAws.Athena;

/// <summary>
/// Test knobs and counters behind <c>/__admin/athena</c> (not an AWS API): holds that keep matching queries RUNNING for a
/// while (to kill a client mid-query), and the largest number of queries — and of DDL statements — running at once.
/// </summary>
internal sealed class QueryObservations
{
    private readonly Lock _gate = new();
    private readonly List<(string Match, TimeSpan Duration)> _holds = [];
    private int _running;
    private int _runningDdl;

    public int PeakRunning { get; private set; }

    public int PeakRunningDdl { get; private set; }

    /// <summary>Queries whose text contains <paramref name="match"/> stay RUNNING for <paramref name="duration"/> before they run.</summary>
    public void Hold(string match, TimeSpan duration)
    {
        lock (_gate)
        {
            _holds.RemoveAll(h => h.Match == match);
            _holds.Add((match, duration));
        }
    }

    public TimeSpan HoldFor(string query)
    {
        lock (_gate)
        {
            return _holds.Where(h => query.Contains(h.Match, StringComparison.Ordinal)).Select(h => h.Duration).DefaultIfEmpty(TimeSpan.Zero).Max();
        }
    }

    /// <summary>Removes the holds and resets the peaks (to what runs now).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _holds.Clear();
            PeakRunning = _running;
            PeakRunningDdl = _runningDdl;
        }
    }

    public void Started(bool ddl)
    {
        lock (_gate)
        {
            PeakRunning = Math.Max(PeakRunning, ++_running);
            if (ddl)
            {
                PeakRunningDdl = Math.Max(PeakRunningDdl, ++_runningDdl);
            }
        }
    }

    public void Ended(bool ddl)
    {
        lock (_gate)
        {
            _running--;
            if (ddl)
            {
                _runningDdl--;
            }
        }
    }
}
