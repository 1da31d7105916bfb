using SimHarness.Simulation;

namespace SimHarness.Exploration;

/// <summary>Re-takes a recorded decision list; notes the first decision that cannot be taken.</summary>
internal sealed class ReplayStrategy(IReadOnlyList<Decision> decisions) : IScheduleStrategy
{
    private int _next;

    /// <summary>Why the replay stopped early, if it did.</summary>
    public string? Divergence { get; private set; }

    /// <summary>True when every recorded decision was used.</summary>
    public bool Exhausted => _next >= decisions.Count;

    public SimThread? PickThread(IReadOnlyList<SimThread> candidates)
    {
        if (Divergence is not null)
        {
            return null;
        }

        if (_next >= decisions.Count)
        {
            Divergence = $"decision {_next}: the trace has no more decisions but the run goes on (runnable: {Names(candidates)})";
            return null;
        }

        var d = decisions[_next];
        if (d.Kind != DecisionKind.Thread)
        {
            Divergence = $"decision {_next}: the trace has a data choice V{d.Value} where the run chooses a thread (runnable: {Names(candidates)})";
            return null;
        }

        var t = candidates.FirstOrDefault(c => c.Id == d.Value);
        if (t is null)
        {
            Divergence = $"decision {_next}: thread T{d.Value} is not runnable (runnable: {Names(candidates)})";
            return null;
        }

        _next++;
        return t;
    }

    public int PickValue(int count, string what)
    {
        if (Divergence is null && _next < decisions.Count && decisions[_next] is { Kind: DecisionKind.Value } d && d.Value < count)
        {
            _next++;
            return d.Value;
        }

        Divergence ??= $"decision {_next}: the run makes a data choice ({what}, {count} options) the trace does not have";
        return 0;
    }

    private static string Names(IReadOnlyList<SimThread> candidates) => string.Join(", ", candidates.Select(c => $"T{c.Id} {c.Name}"));
}
