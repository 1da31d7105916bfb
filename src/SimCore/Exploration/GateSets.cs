using System.Runtime.InteropServices;
using SimHarness.Simulation;

namespace SimHarness.Exploration;

/// <summary>
/// The built-in scheduler's parked threads, split into those whose step can take effect now and
/// those whose guard is disabled, kept up to date from step to step.
/// </summary>
/// <remarks>
/// A guard reads only the object its step declares (docs/state-caching.md), so its answer can change
/// only when a step declared that object (<see cref="World.TouchedObjects"/>), when the world
/// invalidates every guard (<see cref="World.GuardEpoch"/>), when virtual time moves past its
/// deadline, or when its thread parks again with a new guard. Only those threads are tested again:
/// testing every parked thread at every decision made a run with a thousand clients parked in
/// <c>recv</c> pay the client count at each of its steps.
/// </remarks>
internal sealed class GateSets(World world)
{
    /// <summary>Checks every refresh against a test of every parked thread's guard (set by the tests).</summary>
    internal static volatile bool Verify;

    private readonly Dictionary<int, List<SimThread>> _byObject = [];
    private readonly List<SimThread> _unindexed = [];
    private readonly List<SimThread> _retest = [];
    private int _epoch = world.GuardEpoch;
    private long _now = world.NowMicros;

    /// <summary>Parked threads whose step would take effect now, in thread-id order.</summary>
    public ThreadList Enabled { get; } = new();

    /// <summary>Parked threads whose guard is disabled, in thread-id order.</summary>
    public ThreadList Disabled { get; } = new();

    /// <summary>Brings both sets up to date after the world settled: threads parked since, objects touched since, time and epoch.</summary>
    /// <param name="newlyParked">Threads parked since the last refresh (cleared here).</param>
    /// <param name="touched">Objects steps declared since the last refresh (cleared here).</param>
    /// <param name="parked">Every parked thread, in thread-id order: read only when <see cref="Verify"/> is set.</param>
    public void Refresh(List<SimThread> newlyParked, List<int> touched, IReadOnlyList<SimThread> parked)
    {
        var now = world.NowMicros;
        if (world.GuardEpoch != _epoch)
        {
            _epoch = world.GuardEpoch;
            RetestAll(Enabled, now);
            RetestAll(Disabled, now);
        }
        else
        {
            foreach (var id in touched)
            {
                if (_byObject.TryGetValue(id, out var waiting))
                {
                    _retest.AddRange(CollectionsMarshal.AsSpan(waiting));
                }
            }

            _retest.AddRange(CollectionsMarshal.AsSpan(_unindexed));
            if (now != _now)
            {
                foreach (var t in Disabled)
                {
                    if (t.Guard is { DeadlineMicros: >= 0 } g && g.DeadlineMicros <= now)
                    {
                        _retest.Add(t);
                    }
                }
            }

            foreach (var t in _retest)
            {
                Retest(t, now);
            }

            _retest.Clear();
        }

        _now = now;
        touched.Clear();
        foreach (var t in newlyParked)
        {
            Index(t);
            (IsEnabled(t, now) ? Enabled : Disabled).InsertById(t);
        }

        newlyParked.Clear();
        if (Verify)
        {
            VerifyAgainstFullTest(parked, now);
        }
    }

    /// <summary>Takes a thread the scheduler is about to release out of both sets (its guard is still attached).</summary>
    public void Remove(SimThread t)
    {
        if (t.Guard is { } g)
        {
            if (g.ObjectId >= 0 && _byObject.TryGetValue(g.ObjectId, out var waiting))
            {
                RemoveSame(waiting, t);
            }
            else
            {
                RemoveSame(_unindexed, t);
            }
        }

        if (!Enabled.RemoveById(t))
        {
            Disabled.RemoveById(t);
        }
    }

    private void Index(SimThread t)
    {
        if (t.Guard is not { } g)
        {
            return;
        }

        if (g.ObjectId < 0)
        {
            _unindexed.Add(t);
            return;
        }

        if (!_byObject.TryGetValue(g.ObjectId, out var waiting))
        {
            _byObject[g.ObjectId] = waiting = [];
        }

        waiting.Add(t);
    }

    // List.Remove asks the default comparer of each item; a thread is equal only to itself.
    private static void RemoveSame(List<SimThread> list, SimThread t)
    {
        var items = CollectionsMarshal.AsSpan(list);
        for (var i = 0; i < items.Length; i++)
        {
            if (ReferenceEquals(items[i], t))
            {
                list.RemoveAt(i);
                return;
            }
        }
    }

    private static bool IsEnabled(SimThread t, long now) => t.Guard is null || t.Guard.IsEnabled(now);

    private void Retest(SimThread t, long now)
    {
        var enabled = IsEnabled(t, now);
        var (from, to) = enabled ? (Disabled, Enabled) : (Enabled, Disabled);
        if (from.RemoveById(t))
        {
            to.InsertById(t);
        }
    }

    private void RetestAll(ThreadList set, long now)
    {
        _retest.AddRange(set);
        foreach (var t in _retest)
        {
            Retest(t, now);
        }

        _retest.Clear();
    }

    private void VerifyAgainstFullTest(IReadOnlyList<SimThread> parked, long now)
    {
        var enabled = parked.Where(t => IsEnabled(t, now)).Select(t => t.Id);
        var disabled = parked.Where(t => !IsEnabled(t, now)).Select(t => t.Id);
        if (!enabled.SequenceEqual(Enabled.Select(t => t.Id)) || !disabled.SequenceEqual(Disabled.Select(t => t.Id)))
        {
            throw new InvalidOperationException(
                $"gate sets out of date: enabled [{string.Join(',', Enabled.Select(t => t.Id))}] disabled [{string.Join(',', Disabled.Select(t => t.Id))}], " +
                $"a full test gives [{string.Join(',', enabled)}] and [{string.Join(',', disabled)}]");
        }
    }
}
