using SimHarness.Shrinking;
using SimHarness.Simulation;

namespace SimHarness.Exploration.Dpor;

/// <summary>
/// The preemption bound (<c>explore --max-preemptions K</c>): every run with at most K preemptions, a
/// preemption being what <c>shrink</c> counts (<see cref="Preemption"/>).
/// </summary>
/// <remarks>
/// The bounded search runs without the reduction and without state caching (ExhaustiveSearch sees to
/// it), which is what makes it sound by construction: without the reduction every thread node
/// backtracks every enabled thread, and the bound only removes the alternatives that would take the
/// run past K preemptions. A run's preemptions never decrease along its prefix, so no removed
/// alternative begins a run with at most K, and every run with at most K is still reached. With the
/// reduction it would not be: a race reversed by source-DPOR may ask for a thread at a point where
/// taking it costs a preemption the bound refuses, while the same equivalence class has a member
/// within the bound that the reduction never looks for, and a sleep set may put to sleep the only
/// thread whose run stays within the bound (Coons, Musuvathi and McKinley, "Bounded Partial-Order
/// Reduction", OOPSLA 2013, fix this with conservative backtrack points; this search does not try).
/// Each node's first run takes the free choice (the previous thread when it can continue, else the
/// one that has waited longest), so the first run of the search has no preemption at all.
/// </remarks>
internal sealed partial class DporStrategy
{
    private SimThread? _previousThread;
    private int _runPreemptions;

    /// <summary>At most this many preemptions per run; null for the unbounded search. Needs the strategy built without the reduction.</summary>
    public int? PreemptionBound
    {
        get;
        init => field = value is null || !_raceAnalysis ? value
            : throw new InvalidOperationException("the preemption bound needs the search without the reduction");
    }

    /// <summary>True once some node left out an alternative because it would exceed <see cref="PreemptionBound"/>: the search is not the whole one.</summary>
    public bool BoundCut { get; private set; }

    /// <summary>Preemptions of the run under way (of the last run, once it ended).</summary>
    public int RunPreemptions => _runPreemptions;

    /// <summary>The first choice of a new node: the canonical one unbounded, the free one under a bound.</summary>
    private SimThread? FirstChoice(IReadOnlyList<SimThread> candidates, Dictionary<int, DporStep> sleep)
    {
        if (PreemptionBound is not null)
        {
            return Preemption.Preferred(_previousThread, candidates);
        }

        if (GuidedChoice(candidates, sleep) is { } guided)
        {
            return guided;
        }

        SimThread? first = null;
        for (var cAt = 0; cAt < candidates.Count; cAt++)
        {
            var c = candidates[cAt];
            // The first run of every subtree takes the canonical schedule where the sleep set allows.
            if (!sleep.ContainsKey(c.Id) && (first is null || c.ParkStamp < first.ParkStamp))
            {
                first = c;
            }
        }

        return first;
    }

    /// <summary>Without the reduction a new node backtracks every enabled thread, under a bound only those that keep the run within it.</summary>
    private void BacktrackAll(DporNode node, IReadOnlyList<SimThread> candidates)
    {
        if (PreemptionBound is not { } bound)
        {
            node.Backtrack.UnionWith(node.EnabledIds);
            return;
        }

        for (var cAt = 0; cAt < candidates.Count; cAt++)
        {
            var c = candidates[cAt];
            if (_runPreemptions + (Preemption.Is(_previousThread, candidates, c) ? 1 : 0) <= bound)
            {
                node.Backtrack.Add(c.Id);
            }
            else
            {
                BoundCut = true;
            }
        }
    }

    /// <summary>Counts the choice of <paramref name="chosen"/>; false when a fixed prefix (a frontier split) already took the run past the bound.</summary>
    private bool CountChoice(IReadOnlyList<SimThread> candidates, SimThread chosen)
    {
        if (Preemption.Is(_previousThread, candidates, chosen))
        {
            _runPreemptions++;
        }

        _previousThread = chosen;
        if (_runPreemptions > PreemptionBound)
        {
            BoundCut = true;
            return false;
        }

        return true;
    }

    private void ResetBounding()
    {
        _previousThread = null;
        _runPreemptions = 0;
    }
}
