using System.Runtime.InteropServices;

namespace SimHarness.Exploration.Dpor;

/// <summary>The backtrack side of source-DPOR: which thread a reversed race adds to the node before it.</summary>
internal sealed partial class DporStrategy
{
    // Per-thread marks of the backtrack scan (AddBacktrack): a thread is marked when its mark equals the scan's.
    private int[] _threadMarks = new int[16];
    private int _threadMark;

    /// <summary>Source-DPOR: make sure the node before event <paramref name="j"/> will try an initial of the reversed suffix.</summary>
    private void AddBacktrack(int j, int i)
    {
        var ej = _events[j];
        var node = _stack[ej.Node];
        if (node.Fixed)
        {
            return;
        }

        var initials = _initials;
        var suffix = _suffix;
        initials.Clear();
        suffix.Clear();
        var seen = NextThreadMark();
        var events = CollectionsMarshal.AsSpan(_events);
        for (var k = j + 1; k <= i; k++)
        {
            ref readonly var ek = ref events[k];
            if (k < i)
            {
                // Only a thread's first event after j can matter. If it is not after j, it is in the
                // suffix, and each later event of that thread has it as a predecessor (never an
                // initial), and whatever a later one happens before, it does too: the later ones
                // change neither the initials nor any predecessor test. If it is after j, so is
                // every later one (clocks only grow along a thread). Skipping them without reading
                // their clocks keeps this scan from costing the run's length times its races.
                if (!MarkThread(ek.Thread, seen) || VectorClock.HappensBefore(ej.Clock, ej.Thread, ek.Clock))
                {
                    continue;
                }
            }

            if (!initials.Contains(ek.Thread) && !HasPredecessorIn(suffix, ek))
            {
                if (node.Backtrack.Contains(ek.Thread))
                {
                    return;
                }

                initials.Add(ek.Thread);
            }

            suffix.Add(ek);
        }

        var pick = FirstInitial(initials, node, awake: true);
        if (pick < 0)
        {
            pick = FirstInitial(initials, node, awake: false);
        }

        if (pick >= 0)
        {
            node.Backtrack.Add(pick);
            node.SetWakeUp(pick, ReversingThreads(j, i, pick));
        }
        else
        {
            // Cannot happen under the semantics rules; stay sound by trying every enabled thread.
            node.Backtrack.UnionWith(node.EnabledIds);
        }
    }

    /// <summary>The first of <paramref name="initials"/> enabled at <paramref name="node"/> (and, with <paramref name="awake"/>, not asleep there), or -1.</summary>
    /// <remarks>A loop, not LINQ with a closure: it runs for every race the search reverses.</remarks>
    private static int FirstInitial(List<int> initials, DporNode node, bool awake)
    {
        foreach (var t in initials)
        {
            if (node.IsEnabled(t) && !(awake && node.Sleep.ContainsKey(t)))
            {
                return t;
            }
        }

        return -1;
    }

    /// <summary>A fresh mark for <see cref="MarkThread"/>: every thread is unmarked under it.</summary>
    private int NextThreadMark()
    {
        if (_threadMark == int.MaxValue)
        {
            Array.Clear(_threadMarks);
            _threadMark = 0;
        }

        return ++_threadMark;
    }

    /// <summary>Marks <paramref name="thread"/> with <paramref name="mark"/>; false when it already was.</summary>
    private bool MarkThread(int thread, int mark)
    {
        if (thread >= _threadMarks.Length)
        {
            Array.Resize(ref _threadMarks, Math.Max(thread + 1, _threadMarks.Length * 2));
        }

        if (_threadMarks[thread] == mark)
        {
            return false;
        }

        _threadMarks[thread] = mark;
        return true;
    }

    private static bool HasPredecessorIn(List<StepEvent> suffix, StepEvent e)
    {
        foreach (var g in suffix)
        {
            if (VectorClock.HappensBefore(g.Clock, g.Thread, e.Clock))
            {
                return true;
            }
        }

        return false;
    }
}
