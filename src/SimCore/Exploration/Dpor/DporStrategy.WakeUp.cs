using SimHarness.Simulation;

namespace SimHarness.Exploration.Dpor;

/// <summary>
/// Wake-up sequences: a backtrack entry added for a reversed race remembers the reversing sequence
/// (the steps after the race's first step that do not depend on it, then its second step), and the
/// run that takes the entry follows that sequence's threads at its new nodes as their first choices.
/// </summary>
/// <remarks>
/// Source-DPOR is sound whatever enabled, awake thread a new node tries first: every other order the
/// search needs is added later from the races the runs show (docs/state-caching.md, "Wake-up
/// sequences"). Left to the canonical choice, the new run could wander off the reversed race, reach a
/// node where every enabled thread sleeps and end as a run cut by the sleep sets; following the
/// sequence leads it into the reversed race first. Where the sequence's next thread is not enabled or
/// is asleep (a data choice or a sleep set made the run differ), the run drops the sequence and goes on
/// with the canonical choice. The sequence is only a preference: it is never a backtrack point.
/// </remarks>
internal sealed partial class DporStrategy
{
    private int[] _wakeUp = [];
    private int _wakeUpAt;

    /// <summary>Wake-up sequences dropped so far because their next thread was not enabled or was asleep (the tests check that this path runs).</summary>
    internal long WakeUpsDropped { get; private set; }

    /// <summary>The run about to start takes <paramref name="node"/>'s newly chosen entry: its new nodes follow that entry's sequence.</summary>
    private void FollowWakeUp(DporNode node)
    {
        if (node.Kind == DecisionKind.Thread && node.WakeUpOf(node.Chosen) is { } sequence)
        {
            // The node itself takes the sequence's first thread.
            _wakeUp = sequence;
            _wakeUpAt = 1;
        }
    }

    private void DropWakeUp()
    {
        _wakeUp = [];
        _wakeUpAt = 0;
    }

    /// <summary>The next thread of the wake-up sequence when it is enabled and awake here; otherwise drops the sequence and returns null.</summary>
    private SimThread? GuidedChoice(IReadOnlyList<SimThread> candidates, Dictionary<int, DporStep> sleep)
    {
        if (_wakeUpAt >= _wakeUp.Length)
        {
            return null;
        }

        var next = _wakeUp[_wakeUpAt];
        if (!sleep.ContainsKey(next))
        {
            for (var cAt = 0; cAt < candidates.Count; cAt++)
            {
                var c = candidates[cAt];
                if (c.Id == next)
                {
                    _wakeUpAt++;
                    return c;
                }
            }
        }

        WakeUpsDropped++;
        DropWakeUp();
        return null;
    }

    /// <summary>
    /// The threads of the sequence that reverses the race between events <paramref name="j"/> and
    /// <paramref name="i"/>: the events after j that do not happen after it, then event i, with the
    /// first event of <paramref name="initial"/> (an initial of that sequence: nothing in it happens
    /// before that event) moved to the front, which gives an equivalent sequence.
    /// </summary>
    private int[] ReversingThreads(int j, int i, int initial)
    {
        var ej = _events[j];
        var threads = new List<int> { initial };
        var moved = false;
        for (var k = j + 1; k <= i; k++)
        {
            var ek = _events[k];
            if (k < i && VectorClock.HappensBefore(ej.Clock, ej.Thread, ek.Clock))
            {
                continue;
            }

            if (!moved && ek.Thread == initial)
            {
                moved = true;
                continue;
            }

            threads.Add(ek.Thread);
        }

        return [.. threads];
    }
}
