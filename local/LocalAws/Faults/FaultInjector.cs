using System.Globalization;
using System.Net;
using LocalAws.Wire;

namespace LocalAws.Faults;

/// <summary>Runtime-configurable faults so clients can prove their retries against AWS's error shapes.</summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FaultRule> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _remaining = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _itemErrors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _calls = new(StringComparer.Ordinal);

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules.Values];
            }
        }
    }

    /// <summary>
    /// Calls received per operation target (<c>AWSGlue.StartJobRun</c>) since the start or the last <see cref="ResetCalls"/>,
    /// faulted ones included: what a reliability run divides by its objects to report API calls per object.
    /// </summary>
    public IReadOnlyDictionary<string, long> Calls
    {
        get
        {
            lock (_gate)
            {
                return new SortedDictionary<string, long>(_calls, StringComparer.Ordinal);
            }
        }
    }

    public void ResetCalls()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    public void Set(FaultRule rule)
    {
        lock (_gate)
        {
            _rules[rule.Operation] = rule;
            if (rule.Count is { } count)
            {
                _remaining[rule.Operation] = count;
            }
            else
            {
                _remaining.Remove(rule.Operation);
            }

            if (rule.ItemErrors is { } items)
            {
                _itemErrors[rule.Operation] = items;
            }
            else
            {
                _itemErrors.Remove(rule.Operation);
            }
        }
    }

    /// <summary>
    /// True when the next item of a batch call of the operation (<paramref name="target"/> or <paramref name="name"/>) should fail on its own (a rule with
    /// <see cref="FaultRule.ItemErrors"/> left); uses one of them up.
    /// </summary>
    public bool TakeItemError(string target, string name)
    {
        lock (_gate)
        {
            foreach (var key in new[] { target, name, "*" })
            {
                if (_itemErrors.TryGetValue(key, out var left) && left > 0)
                {
                    _itemErrors[key] = left - 1;
                    return true;
                }
            }

            return false;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _remaining.Clear();
            _itemErrors.Clear();
        }
    }

    public async Task ApplyAsync(Operation operation, CancellationToken cancellationToken)
    {
        var (rule, fault, delayMs) = Decide(operation);
        if (rule is null)
        {
            return;
        }

        if (delayMs > 0)
        {
            await Task.Delay(delayMs, cancellationToken);
        }

        switch (fault)
        {
            case FaultKind.Throttle:
                throw new AwsServiceException(ServiceErrorCodes.Throttling(operation.Service), "Rate exceeded");
            case FaultKind.ServerError:
                throw new AwsServiceException(ServiceErrorCodes.Internal(operation.Service),
                    string.Create(CultureInfo.InvariantCulture, $"Injected internal error for {operation.Name}"),
                    HttpStatusCode.InternalServerError);
            default:
                return;
        }
    }

    private (FaultRule? Rule, FaultKind Kind, int DelayMs) Decide(Operation operation)
    {
        lock (_gate)
        {
            _calls[operation.Target] = _calls.GetValueOrDefault(operation.Target) + 1;
            var rule = Find(operation.Target) ?? Find(operation.Name) ?? Find("*");
            if (rule is null)
            {
                return (null, FaultKind.None, 0);
            }

#pragma warning disable CA5394 // Fault injection needs randomness, not security.
            var roll = Random.Shared.NextDouble();
            var delayMs = rule.LatencyMs + (Random.Shared.NextDouble() < rule.SpikeRate ? rule.SpikeMs : 0);
#pragma warning restore CA5394
            var kind = roll < rule.ThrottleRate ? FaultKind.Throttle
                : roll < rule.ThrottleRate + rule.ServerErrorRate ? FaultKind.ServerError
                : FaultKind.None;
            if (kind != FaultKind.None && _remaining.TryGetValue(rule.Operation, out var left))
            {
                if (left <= 0)
                {
                    return (rule, FaultKind.None, delayMs);
                }

                _remaining[rule.Operation] = left - 1;
            }

            return (rule, kind, delayMs);
        }
    }

    private FaultRule? Find(string key) => _rules.GetValueOrDefault(key);

    private enum FaultKind
    {
        None,
        Throttle,
        ServerError,
    }
}
