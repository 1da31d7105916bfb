using SimHarness.Simulation;

namespace SimHarness.Shrinking;

/// <summary>
/// What counts as a preemption, for <c>shrink</c> (<see cref="ShrinkSize"/>) and for the preemption-bounded
/// exhaustive search alike: a thread decision that gives the step to another thread while the thread that
/// took the previous step could still have run.
/// </summary>
internal static class Preemption
{
    /// <summary>True when <paramref name="previous"/> (the thread chosen at the run's previous thread decision, or null at the first) is among <paramref name="candidates"/>: continuing it is free.</summary>
    public static bool CanContinue(SimThread? previous, IReadOnlyList<SimThread> candidates) =>
        previous is not null && (candidates is ThreadList list ? list.Contains(previous) : candidates.Contains(previous));

    /// <summary>True when choosing <paramref name="chosen"/> among <paramref name="candidates"/> after <paramref name="previous"/> is a preemption.</summary>
    public static bool Is(SimThread? previous, IReadOnlyList<SimThread> candidates, SimThread chosen) =>
        chosen != previous && CanContinue(previous, candidates);

    /// <summary>The choice that costs nothing: <paramref name="previous"/> when it can continue, else the candidate that has waited longest.</summary>
    public static SimThread Preferred(SimThread? previous, IReadOnlyList<SimThread> candidates)
    {
        if (CanContinue(previous, candidates))
        {
            return previous!;
        }

        var best = candidates[0];
        foreach (var c in candidates)
        {
            if (c.ParkStamp < best.ParkStamp)
            {
                best = c;
            }
        }

        return best;
    }
}
