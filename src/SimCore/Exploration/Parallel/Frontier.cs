using SimHarness.Exploration.Dpor;
using SimHarness.Simulation;

namespace SimHarness.Exploration.Parallel;

/// <summary>
/// Splits an exhaustive search tree into disjoint parts: the prefixes at the shallowest depth that
/// gives at least a target number of them, the last level expanded in order only as far as the
/// target needs (its last prefixes stay one decision shorter). Frontier decisions try every sibling
/// that is not asleep (no reduction there, but the sleep sets the unsplit search would have), so
/// every equivalence class lies below exactly one prefix and the searches below the prefixes
/// together cover them all.
/// </summary>
/// <remarks>
/// The frontier depends only on the scenario, its parameters, the reduction switch and the target,
/// so every shard of a sharded search computes the same one and takes its own share of it.
/// </remarks>
internal static class Frontier
{
    /// <summary>Prefixes per shard: subtrees below the prefixes are very unequal (on EventRetryLimit checkDelay=3, 16 prefixes leave 75% of the runs in one; 256 leave at most 8%, for under 1% more schedules).</summary>
    public const int PrefixesPerShard = 256;

    public static List<IReadOnlyList<FrontierStep>> Build(Func<Scenario> create, long? maxSteps, bool reduction, int target)
    {
        var items = new List<(IReadOnlyList<FrontierStep> Steps, bool Leaf)> { ([], false) };
        while (items.Count < target && items.Exists(i => !i.Leaf))
        {
            // Items are expanded in order, and only until there are enough: the last ones keep their
            // shorter prefix. Each item stays either one part or is replaced by all its children, so
            // the parts still cover every class once; and a frontier decision tries more branches
            // than the reduction would, so every needless one costs runs (a whole last level took
            // ProducerConsumer items=2 maxsize=2 from 214 to 492 parts and 10 % more runs). Expanding
            // from the end instead left EventRetryLimit checkDelay=3 a part of 17 % of its
            // transitions among its first items (8 % at most this way), and a part cannot be shared.
            var expanded = new List<(IReadOnlyList<FrontierStep>, bool)>?[items.Count];
            var count = items.Count;
            for (var i = 0; i < items.Count && count < target; i++)
            {
                if (!items[i].Leaf)
                {
                    var children = Expand(create, maxSteps, reduction, items[i].Steps).ToList();
                    expanded[i] = children;
                    count += children.Count - 1;
                }
            }

            items = items.SelectMany((item, i) => expanded[i] ?? [item]).ToList();
        }

        return items.ConvertAll(i => i.Steps);
    }

    private static IEnumerable<(IReadOnlyList<FrontierStep>, bool)> Expand(Func<Scenario> create, long? maxSteps, bool reduction, IReadOnlyList<FrontierStep> steps)
    {
        var probe = new FrontierProbe(steps);
        BuiltInExecutor.Run(create(), probe, maxSteps);
        if (probe.IsLeaf)
        {
            return [(steps, true)];
        }

        if (probe.Candidates is null)
        {
            return Enumerable.Range(0, probe.ValueCount).Select(v => (Append(steps, FrontierStep.Value(probe.ValueCount, v)), false));
        }

        var candidates = probe.Candidates;
        var sleep = reduction ? SleepAfter(steps) : [];
        var awake = candidates.Where(c => !sleep.ContainsKey(c.Id)).ToList();
        if (awake.Count == 0)
        {
            // Every thread is asleep: the unsplit search would cut this run too.
            return [];
        }

        // The canonical thread first, as the unsplit search's first run takes it; then by id.
        var first = awake.MinBy(c => c.ParkStamp)!;
        var order = awake.Where(c => c != first).Prepend(first).Select(c => c.Id).ToArray();
        var ids = candidates.Select(c => c.Id).ToArray();
        var access = candidates.Select(DporStep.Of).ToArray();
        return order.Select((id, k) => (Append(steps, new FrontierStep(DecisionKind.Thread, id, 0, ids, access, sleep, order[..(k + 1)])), false));
    }

    /// <summary>The sleep set at the decision after <paramref name="steps"/>, as the unsplit search computes it.</summary>
    private static Dictionary<int, DporStep> SleepAfter(IReadOnlyList<FrontierStep> steps)
    {
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            if (steps[i].Kind == DecisionKind.Thread)
            {
                return steps[i].ToNode().ChildSleep();
            }
        }

        return [];
    }

    private static IReadOnlyList<FrontierStep> Append(IReadOnlyList<FrontierStep> steps, FrontierStep step) => [.. steps, step];
}
