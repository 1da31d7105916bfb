using SimHarness.Simulation;

namespace SimHarness.Exploration.Dpor;

/// <summary>The race side of the search: the ends of runs, race detection with vector clocks, and source-DPOR backtracking.</summary>
internal sealed partial class DporStrategy
{
    /// <summary>
    /// The run's last step ended it (rule 2 of docs/semantics.md) while daemons were parked at a gate: each of their
    /// pending steps was disabled by that step, so the search must also try them before it.
    /// </summary>
    public void OnRunEnded(IReadOnlyList<SimThread> parked, bool cutShort)
    {
        if (!reduction || _events.Count == 0)
        {
            return;
        }

        if (cutShort)
        {
            ReverseRacesWithEndingStep(parked);
            return;
        }

        if (!_events[^1].Step.MayEndRun)
        {
            return;
        }

        var node = _stack[_events[^1].Node];
        if (node.Fixed)
        {
            return;
        }

        foreach (var t in parked)
        {
            if (!t.IsDaemon)
            {
                continue;
            }

            if (node.IsEnabled(t.Id))
            {
                node.Backtrack.Add(t.Id);
            }
            else
            {
                // Woken only by a step after the node: stay sound by trying every enabled thread.
                node.Backtrack.UnionWith(node.EnabledIds);
            }
        }
    }

    /// <summary>
    /// A violation raised by the last step's thread ended the run right after that step, so the
    /// step is dependent with every other thread's step: those taken before it without being
    /// ordered before it (reversing them changes what ran before the end), and those still pending
    /// (the end disabled them). Neither is known before the step runs, so the races are reversed
    /// now and the step is kept out of its siblings' sleep sets.
    /// </summary>
    private void ReverseRacesWithEndingStep(IReadOnlyList<SimThread> parked)
    {
        var i = _events.Count - 1;
        var last = _events[i];
        var node = _stack[last.Node];
        if (node.Fixed)
        {
            return;
        }

        node.Enders.Add(last.Thread);
        _races.Clear();
        for (var j = 0; j < i; j++)
        {
            var e = _events[j];
            if (e.Thread != last.Thread && !VectorClock.HappensBefore(e.Clock, e.Thread, last.Clock))
            {
                _races.Add(j);
            }
        }

        foreach (var j in _races)
        {
            if (!OrderedThroughAnotherRace(j))
            {
                AddBacktrack(j, i);
            }
        }

        foreach (var t in parked)
        {
            if (t.Id == last.Thread)
            {
                continue;
            }

            if (node.IsEnabled(t.Id))
            {
                node.Backtrack.Add(t.Id);
            }
            else
            {
                node.Backtrack.UnionWith(node.EnabledIds);
            }
        }
    }

    /// <summary>Joins the clocks of the earlier events in <paramref name="candidates"/> that conflict with this step, and notes those that race with it.</summary>
    private void CheckRaces(List<int> candidates, DporStep step, int p, int[] before, ref int[] clock, int skipObject)
    {
        foreach (var j in candidates)
        {
            var e = _events[j];
            if ((skipObject >= 0 && e.Step.Access.ObjectId == skipObject) || !e.Step.ConflictsWith(step))
            {
                continue;
            }

            JoinInto(ref clock, e.Clock);
            if (e.Thread != p && !VectorClock.HappensBefore(e.Clock, e.Thread, before))
            {
                _races.Add(j);
            }
        }
    }

    private bool OrderedThroughAnotherRace(int j)
    {
        var ej = _events[j];
        foreach (var k in _races)
        {
            if (k != j && VectorClock.HappensBefore(ej.Clock, ej.Thread, _events[k].Clock))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A reusable buffer holding a copy of <paramref name="source"/>.</summary>
    private int[] Scratch(int[] source)
    {
        var size = Math.Max(source.Length, _threadClocks.Count + 1);
        if (_scratch.Length < size)
        {
            _scratch = new int[size * 2];
        }

        Array.Clear(_scratch);
        Array.Copy(source, _scratch, source.Length);
        return _scratch;
    }

    private void JoinInto(ref int[] target, int[] other)
    {
        if (target.Length < other.Length)
        {
            Array.Resize(ref target, other.Length * 2);
            _scratch = target;
        }

        for (var i = 0; i < other.Length; i++)
        {
            if (other[i] > target[i])
            {
                target[i] = other[i];
            }
        }
    }

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
        for (var k = j + 1; k <= i; k++)
        {
            var ek = _events[k];
            if (k < i && VectorClock.HappensBefore(ej.Clock, ej.Thread, ek.Clock))
            {
                continue;
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

        var pick = initials.FirstOrDefault(t => node.IsEnabled(t) && !node.Sleep.ContainsKey(t), -1);
        if (pick < 0)
        {
            pick = initials.FirstOrDefault(node.IsEnabled, -1);
        }

        if (pick >= 0)
        {
            node.Backtrack.Add(pick);
        }
        else
        {
            // Cannot happen under the semantics rules; stay sound by trying every enabled thread.
            node.Backtrack.UnionWith(node.EnabledIds);
        }
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
