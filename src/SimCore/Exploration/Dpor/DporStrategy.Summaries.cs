using SimHarness.Simulation;

namespace SimHarness.Exploration.Dpor;

/// <summary>The state cache's side of the race analysis: the steps a state's explored future took, and their races with a run cut at that state.</summary>
internal sealed partial class DporStrategy
{
    /// <summary>Adds a step taken (or left pending) after the last node to that node's state's summary.</summary>
    private void NoteFutureStep(int thread, DporStep step, bool ender = false, bool taken = false)
    {
        // A step taken at a replayed node was summarized when it was first taken (its key does not
        // depend on the data choices inside it); pending steps and run ends are always noted.
        if (cache is not null && _lastThreadNode?.State is { } state && !(taken && _lastThreadNodeIndex < _replayedBelow))
        {
            cache.Step(state, StepKey.Of(thread, step, ender));
        }
    }

    /// <summary>
    /// The search skips a state it explored before. The runs not taken from it would have raced with
    /// the current run wherever a step of its explored future conflicts with a step of this run not
    /// ordered before that thread's next step: every such point backtracks every enabled thread. A
    /// future step's thread that does not exist yet is ordered after what every live thread has done.
    /// </summary>
    private void ReverseSummaryRaces(StateCache states, UInt128 state, World world)
    {
        VectorClock? meet = null;
        foreach (var key in states.Summary(state))
        {
            VectorClock after;
            if (key.Thread < world.Threads.Count && world.Threads[key.Thread].Status != ThreadStatus.Created)
            {
                after = ClockOf(key.Thread);
            }
            else
            {
                after = meet ??= MeetOfLiveClocks(world);
            }

            if (key.Ender)
            {
                for (var j = 0; j < _events.Count; j++)
                {
                    BacktrackAllIfRace(key, j, after);
                }

                continue;
            }

            // Only steps on the same object, daemon steps against a run-ending finish, and global steps can conflict.
            if (key.ObjectId >= 0 && _eventsByObject.TryGetValue(key.ObjectId, out var onObject))
            {
                onObject.ForEach(j => BacktrackAllIfRace(key, j, after));
            }

            if (key.MayEndRun)
            {
                _daemonEvents.ForEach(j => BacktrackAllIfRace(key, j, after));
            }

            if (key.Daemon)
            {
                _endEvents.ForEach(j => BacktrackAllIfRace(key, j, after));
            }

            if (key.ObjectId >= 0)
            {
                _globalEvents.ForEach(j => BacktrackAllIfRace(key, j, after));
            }
        }
    }

    private void BacktrackAllIfRace(StepKey key, int j, VectorClock after)
    {
        var e = _events[j];
        if (e.Thread == key.Thread || !key.ConflictsWith(e.Step) || VectorClock.HappensBefore(e.Clock, e.Thread, after))
        {
            return;
        }

        var node = _stack[e.Node];
        if (!node.Fixed)
        {
            node.Backtrack.UnionWith(node.EnabledIds);
        }
    }

    private VectorClock MeetOfLiveClocks(World world)
    {
        int[]? meet = null;
        for (var tAt = 0; tAt < world.Threads.Count; tAt++)
        {
            var t = world.Threads[tAt];
            if (t.Status is not (ThreadStatus.Runnable or ThreadStatus.Blocked))
            {
                continue;
            }

            var c = ClockOf(t.Id);
            if (meet is null)
            {
                meet = new int[c.Length];
                c.CopyTo(meet);
                continue;
            }

            for (var i = 0; i < meet.Length; i++)
            {
                meet[i] = Math.Min(meet[i], VectorClock.Get(c, i));
            }
        }

        return meet is null ? VectorClock.Empty : VectorClock.Of(meet, VectorClock.Empty);
    }
}
