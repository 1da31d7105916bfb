namespace SimHarness.Shrinking;

/// <summary>
/// Depth-first search over every choice list with at most a given number of preemptions and faults
/// (iterative context bounding, as CHESS does it), returning the first run that reproduces the violation.
/// </summary>
/// <remarks>
/// Local edits of a choice list get stuck in local minima (a deadlock of n philosophers needs one
/// preemption, not the n - 1 a random schedule suggests); a bounded search finds the true minimum when
/// the bounded space fits the budget. Choices at decisions where the previous thread cannot run are free.
/// </remarks>
internal static class BoundedSearch
{
    /// <summary>The first reproducing run within the bounds, or null; <paramref name="runs"/> counts the runs made.</summary>
    /// <param name="run">Runs a choice list; returns its strategy (choices taken, decision points) and whether it reproduces.</param>
    /// <param name="maxPreemptions">Preemption bound.</param>
    /// <param name="maxFaults">Fault bound.</param>
    /// <param name="cap">At most this many runs.</param>
    /// <param name="runs">Incremented per run.</param>
    /// <param name="complete">True when the bounded space was searched to the end without a hit.</param>
    public static ChoiceStrategy? Find(Func<int[], (ChoiceStrategy Strategy, bool Reproduces)> run, int maxPreemptions, int maxFaults, int cap, ref int runs, out bool complete)
    {
        var prefix = Array.Empty<int>();
        for (var made = 0; made < cap; made++)
        {
            runs++;
            var (strategy, reproduces) = run(prefix);
            if (reproduces)
            {
                complete = false;
                return strategy;
            }

            var next = Backtrack(strategy, maxPreemptions, maxFaults);
            if (next is null)
            {
                complete = true;
                return null;
            }

            prefix = next;
        }

        complete = false;
        return null;
    }

    /// <summary>The next prefix in depth-first order: the deepest decision whose choice can grow within the bounds.</summary>
    private static int[]? Backtrack(ChoiceStrategy s, int maxPreemptions, int maxFaults)
    {
        var taken = s.Taken;
        var points = s.Points;

        // Costs of each prefix, so that a bump at decision j is checked against what comes before it.
        var preemptions = new int[taken.Count + 1];
        var faults = new int[taken.Count + 1];
        for (var j = 0; j < taken.Count; j++)
        {
            preemptions[j + 1] = preemptions[j] + (taken[j] != 0 && points[j].Cost == ChoiceCost.Preemption ? 1 : 0);
            faults[j + 1] = faults[j] + (taken[j] != 0 && points[j].Cost == ChoiceCost.Fault ? 1 : 0);
        }

        for (var j = taken.Count - 1; j >= 0; j--)
        {
            var bumped = taken[j] + 1;
            if (bumped >= points[j].Options)
            {
                continue;
            }

            var p = preemptions[j] + (points[j].Cost == ChoiceCost.Preemption ? 1 : 0);
            var f = faults[j] + (points[j].Cost == ChoiceCost.Fault ? 1 : 0);
            if (p <= maxPreemptions && f <= maxFaults)
            {
                return [.. taken.GetRange(0, j), bumped];
            }
        }

        return null;
    }
}
