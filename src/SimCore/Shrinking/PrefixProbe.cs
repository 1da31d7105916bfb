using SimHarness.Exploration;
using SimHarness.Simulation;

namespace SimHarness.Shrinking;

/// <summary>
/// Takes a prefix of decisions, then stops at the next decision and says what it offered: the parked
/// threads, or the number of values of a data choice.
/// </summary>
internal sealed class PrefixProbe(IReadOnlyList<Decision> prefix) : IScheduleStrategy
{
    private int _next;
    private World? _world;

    /// <summary>The parked threads at the first decision past the prefix, if that was a thread choice.</summary>
    public IReadOnlyList<SimThread>? Threads { get; private set; }

    /// <summary>The number of values at the first decision past the prefix, if that was a data choice.</summary>
    public int? Values { get; private set; }

    /// <summary>Events logged when the probe stopped (the rest of an interrupted step is not the prefix's).</summary>
    public int EventsAtStop { get; private set; } = -1;

    /// <summary>True when a decision of the prefix could not be taken.</summary>
    public bool Invalid { get; private set; }

    private bool Stopped => Threads is not null || Values is not null || Invalid;

    public SimThread? PickThread(IReadOnlyList<SimThread> candidates)
    {
        _world = candidates[0].World;
        if (Stopped)
        {
            return null;
        }

        if (_next >= prefix.Count)
        {
            Threads = candidates.ToArray();
            EventsAtStop = _world.Events.Count;
            return null;
        }

        var d = prefix[_next++];
        var chosen = d.Kind == DecisionKind.Thread ? candidates.FirstOrDefault(c => c.Id == d.Value) : null;
        Invalid = chosen is null;
        return chosen;
    }

    public int PickValue(int count, string what)
    {
        if (Stopped)
        {
            return 0;
        }

        if (_next >= prefix.Count)
        {
            Values = count;
            EventsAtStop = _world?.Events.Count ?? 0;
            return 0;
        }

        var d = prefix[_next++];
        Invalid = d.Kind != DecisionKind.Value || d.Value >= count;
        return Invalid ? 0 : d.Value;
    }
}
