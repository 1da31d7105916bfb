namespace SimHarness.Exploration.Dpor;

/// <summary>
/// The states a stateful search has explored, by 128-bit digest (docs/state-caching.md): each with the
/// sleep set it was explored under, the states its steps led to, and the steps taken from it. A state
/// reached again is skipped when its stored sleep set is contained in the current one: the earlier
/// visit explored everything this one would. The steps of its explored future (its summary) then
/// stand in for the runs not taken, so that the reduction still sees their races with the current run.
/// </summary>
internal sealed class StateCache
{
    private readonly Dictionary<UInt128, Entry> _visited = [];

    /// <summary>True when the worlds of this search disregard <see cref="ISim.Checkpoint"/> declarations.</summary>
    public bool IgnoreCheckpoints { get; init; }

    /// <summary>Distinct states explored.</summary>
    public long States => _visited.Count;

    /// <summary>Decision points whose state could not be digested (an object the digest does not cover).</summary>
    public long Undigested { get; set; }

    /// <summary>States reached again and not explored again.</summary>
    public long Hits { get; private set; }

    /// <summary>States stored before a search that has never met a state twice stops caching.</summary>
    /// <remarks>
    /// Where states meet again they meet early: on every catalog scenario at its explore sizes, and on
    /// the bigger searches of the issues (ProducerConsumer items=2, EchoUpperFixed clients=2 messages=2,
    /// ZooLostUpdate threads=4), the first state met again was among the first 16 to 165 stored
    /// (BENCHMARKS.md, "State caching gives up after 2,000 states"). The searches that never meet one
    /// (EventRetryLimit, EventCheckConnectLostWakeup) digested 20,000 states for nothing before.
    /// </remarks>
    public const int GiveUpAfter = 2_000;

    /// <summary>
    /// True once the search has stored <see cref="GiveUpAfter"/> states without meeting one twice:
    /// its runs rarely meet again (every transcript differs, say), so it stops digesting states, which
    /// only cost time. Stopping is always sound: it only prunes less.
    /// </summary>
    public bool GaveUp => Hits == 0 && _visited.Count >= GiveUpAfter;

    /// <summary>
    /// Called when the search reaches a state with sleep set <paramref name="sleep"/>: true when an
    /// earlier visit covers it (skip it). Otherwise records the visit, keeping the intersection of the
    /// sleep sets, so that a later visit is skipped only when this one covers it too.
    /// </summary>
    public bool Covers(UInt128 state, IReadOnlyCollection<int> sleep)
    {
        if (!_visited.TryGetValue(state, out var entry))
        {
            _visited[state] = new Entry(sleep.Count == 0 ? [] : [.. sleep]);
            return false;
        }

        if (entry.Sleep.All(sleep.Contains))
        {
            Hits++;
            return true;
        }

        entry.Sleep = entry.Sleep.Where(sleep.Contains).ToArray();
        return false;
    }

    /// <summary>Notes that a step of the search went from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public void Edge(UInt128 from, UInt128 to)
    {
        if (_visited.TryGetValue(from, out var e))
        {
            e.Children = With(e.Children, to);
        }
    }

    /// <summary>Notes a step taken (or left pending at a run's end or a time advance) from <paramref name="state"/>.</summary>
    public void Step(UInt128 state, StepKey step)
    {
        if (_visited.TryGetValue(state, out var e))
        {
            e.Steps = With(e.Steps, step);
        }
    }

    /// <summary>Every step taken from <paramref name="state"/> or from any state explored after it (its subtree is complete).</summary>
    public IReadOnlyCollection<StepKey> Summary(UInt128 state)
    {
        var root = _visited[state];
        if (root.Summary is { } known)
        {
            return known;
        }

        var summary = new HashSet<StepKey>();
        var seen = new HashSet<UInt128> { state };
        var todo = new Stack<Entry>();
        todo.Push(root);
        while (todo.TryPop(out var e))
        {
            if (e.Summary is { } memo && !ReferenceEquals(e, root))
            {
                summary.UnionWith(memo);
                continue;
            }

            summary.UnionWith(e.Steps);
            foreach (var c in e.Children)
            {
                if (seen.Add(c) && _visited.TryGetValue(c, out var child))
                {
                    todo.Push(child);
                }
            }
        }

        root.Summary = summary;
        return summary;
    }

    /// <summary><paramref name="items"/> with <paramref name="item"/> added when it is not there: an array of exactly the items.</summary>
    /// <remarks>
    /// A state has few children and few steps (one or two of each, mostly), and a search stores
    /// millions of states: a list or hash set per field, made whether used or not, was most of a
    /// state's memory (BENCHMARKS.md).
    /// </remarks>
    private static T[] With<T>(T[] items, T item)
        where T : IEquatable<T>
    {
        if (Array.IndexOf(items, item) >= 0)
        {
            return items;
        }

        var grown = new T[items.Length + 1];
        items.CopyTo(grown, 0);
        grown[^1] = item;
        return grown;
    }

    private sealed class Entry(int[] sleep)
    {
        /// <summary>The sleep set this state was explored under (narrowed as later visits find smaller ones).</summary>
        public int[] Sleep { get; set; } = sleep;

        /// <summary>The states this state's explored steps led to.</summary>
        public UInt128[] Children { get; set; } = [];

        /// <summary>The steps taken from this state.</summary>
        public StepKey[] Steps { get; set; } = [];

        /// <summary>The memoised union of the steps of everything reachable from here.</summary>
        public HashSet<StepKey>? Summary { get; set; }
    }
}

internal readonly record struct StepKey(int Thread, int ObjectId, Simulation.AccessKind Kind, bool Daemon, bool MayEndRun, bool Ender)
{
    public static StepKey Of(int thread, DporStep step, bool ender = false) =>
        new(thread, step.Access.ObjectId, step.Access.Kind, step.Daemon, step.MayEndRun, ender || step.Access.Global);

    /// <summary>Whether this step and <paramref name="other"/> (of another thread) are dependent.</summary>
    public bool ConflictsWith(DporStep other) =>
        Ender || new DporStep(new Simulation.Access(ObjectId, Kind, ""), Daemon, MayEndRun).ConflictsWith(other);
}
