using SimHarness.Simulation;

namespace SimHarness.Exploration.Dpor;

/// <summary>The race side of the search: the ends of runs, and race detection with vector clocks (the clocks are in DporStrategy.Clocks.cs, the state cache's summaries in DporStrategy.Summaries.cs, the backtracking in DporStrategy.Backtrack.cs).</summary>
internal sealed partial class DporStrategy
{
    /// <summary>
    /// The run's last step ended it (rule 2 of docs/semantics.md) while daemons were parked at a gate: each of their
    /// pending steps was disabled by that step, so the search must also try them before it.
    /// </summary>
    public void OnRunEnded(IReadOnlyList<SimThread> parked, bool cutShort)
    {
        if (!_raceAnalysis || _events.Count == 0)
        {
            return;
        }

        if (cache is not null)
        {
            // What the run left pending, and a step that ended it, belong to the last state's future.
            for (var tAt = 0; tAt < parked.Count; tAt++)
            {
                var t = parked[tAt];
                NoteFutureStep(t.Id, DporStep.Of(t));
            }

            if (cutShort)
            {
                NoteFutureStep(_events[^1].Thread, _events[^1].Step, ender: true);
            }
        }

        for (var tAt = 0; tAt < parked.Count; tAt++)
        {
            var t = parked[tAt];
            // A deadlock found between steps had its pending races reversed just before (OnTimeAdvancing).
            if (t.Guard is { } g && !g.IsEnabled(t.World.NowMicros) && _pendingReversedAt != _events.Count)
            {
                ReversePendingRaces(t);
            }
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

        for (var tAt = 0; tAt < parked.Count; tAt++)
        {
            var t = parked[tAt];
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

        node.AddEnder(last.Thread);
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

        for (var tAt = 0; tAt < parked.Count; tAt++)
        {
            var t = parked[tAt];
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

    /// <summary>
    /// A thread still waiting at its gate when the run ended (its step disabled: a deadlock, or a
    /// daemon left blocked) never took its step, so its races were never seen: they are checked here
    /// as if the step were appended to the run, and reversed like any other.
    /// </summary>
    internal void ReversePendingRaces(SimThread q)
    {
        var step = DporStep.Of(q);
        NoteFutureStep(q.Id, step);
        var before = ClockOf(q.Id);
        var clock = Scratch(before);
        _races.Clear();
        for (var j = 0; j < _events.Count; j++)
        {
            var e = _events[j];
            if (e.Thread == q.Id || !e.Step.ConflictsWith(step))
            {
                continue;
            }

            JoinInto(ref clock, e.Clock);
            if (!VectorClock.HappensBefore(e.Clock, e.Thread, before))
            {
                _races.Add(j);
            }
        }

        if (_races.Count == 0)
        {
            return;
        }

        var i = _events.Count;
        _events.Add(new StepEvent(q.Id, step, Tick(ref clock, q.Id, before), -1));
        DropIrreversible(q.Id, step, q.Guard is { DeadlineMicros: < 0 });
        foreach (var j in _races)
        {
            if (!OrderedThroughAnotherRace(j))
            {
                AddBacktrack(j, i);
            }
        }

        _events.RemoveAt(i);
    }

    /// <summary>Joins the clocks of the earlier events in <paramref name="candidates"/> that conflict with this step, and notes those that race with it.</summary>
    private void CheckRaces(List<int> candidates, DporStep step, int p, VectorClock before, ref int[] clock, int skipObject)
    {
        // Latest first. On one object's own list, the last write joined every earlier event on that
        // object when it ran, so nothing before it can be a race that is not ordered through it:
        // the scan stops there (without this a thousand concurrent connects cost a thousand squared).
        var oneObject = skipObject < 0 && step.Access.ObjectId >= 0;
        for (var k = candidates.Count - 1; k >= 0; k--)
        {
            var j = candidates[k];
            var e = _events[j];
            // A write that enabled this step (a release before an acquire) is no reversible race: the
            // race is with what came before it, so the scan goes on past it.
            if (oneObject && e.Step.Access.ObjectId == step.Access.ObjectId && e.Step.Access.Kind == AccessKind.Write && !(e.Thread != p && Irreversible(j, p, step, _chosenWaitsUntimed)))
            {
                if (!VectorClock.HappensBefore(e.Clock, e.Thread, before))
                {
                    JoinInto(ref clock, e.Clock);
                    if (e.Thread != p)
                    {
                        _races.Add(j);
                    }
                }

                return;
            }

            if ((skipObject >= 0 && e.Step.Access.ObjectId == skipObject) || !e.Step.ConflictsWith(step))
            {
                continue;
            }

            // An event that already happens before this thread's step is in its clock: joining it
            // again costs a pass over every thread's entry (the steep part with a thousand threads).
            if (VectorClock.HappensBefore(e.Clock, e.Thread, before))
            {
                continue;
            }

            JoinInto(ref clock, e.Clock);
            if (e.Thread != p)
            {
                _races.Add(j);
            }
        }
    }

    /// <summary>
    /// True when event <paramref name="j"/> and thread <paramref name="q"/>'s <paramref name="step"/> are
    /// no reversible race: j enabled q's step, or q's step waits at a guard without a deadline that is
    /// false in the state just before j (the finish of the thread it joins, the release of a held lock
    /// it acquires), so q's step cannot go before j (docs/state-caching.md, section 1).
    /// </summary>
    private bool Irreversible(int j, int q, DporStep step, bool waitsUntimed)
    {
        if (EnabledBy(j, q))
        {
            return true;
        }

        var e = _events[j];
        return waitsUntimed && (DporStep.GuardFalseBefore(e.Step, step)
            || (e.ReleasedHeldLock && e.Thread != q && e.Step.Access.ObjectId == step.Access.ObjectId && step.Access.Op is "acquire" or "reacquire"));
    }

    /// <summary>
    /// True when the step of event <paramref name="j"/> is what enabled thread <paramref name="q"/>'s
    /// step (a release that frees the lock q waits to acquire): q was disabled at j's node and enabled
    /// at the next one. Such a pair is not a reversible race (q cannot go first), and the orders it
    /// stands for come from the race between the enabling step and the earlier ones (the previous
    /// acquire, another release), which the search reverses instead.
    /// </summary>
    private bool EnabledBy(int j, int q)
    {
        var at = _events[j].Node;
        if (!_stack[at].IsDisabled(q))
        {
            return false;
        }

        for (var n = at + 1; n < _stack.Count && n < _depth; n++)
        {
            if (_stack[n].Kind == DecisionKind.Thread)
            {
                return _stack[n].IsEnabled(q);
            }
        }

        return false;
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

    /// <summary>Drops from <c>_races</c> the races of a step by <paramref name="q"/> that no reordering can reverse (<see cref="Irreversible"/>), in place and without a predicate closure per step.</summary>
    private void DropIrreversible(int q, DporStep step, bool waitsUntimed)
    {
        var kept = 0;
        for (var r = 0; r < _races.Count; r++)
        {
            if (!Irreversible(_races[r], q, step, waitsUntimed))
            {
                _races[kept++] = _races[r];
            }
        }

        _races.RemoveRange(kept, _races.Count - kept);
    }
}
