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
    public const int GiveUpAfter = 20_000;

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
            _visited[state] = new Entry([.. sleep]);
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
        if (_visited.TryGetValue(from, out var e) && !e.Children.Contains(to))
        {
            e.Children.Add(to);
        }
    }

    /// <summary>Notes a step taken (or left pending at a run's end or a time advance) from <paramref name="state"/>.</summary>
    public void Step(UInt128 state, StepKey step)
    {
        if (_visited.TryGetValue(state, out var e))
        {
            e.Steps.Add(step);
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

    private sealed class Entry(int[] sleep)
    {
        public int[] Sleep { get; set; } = sleep;

        public List<UInt128> Children { get; } = [];

        public HashSet<StepKey> Steps { get; } = [];

        public HashSet<StepKey>? Summary { get; set; }
    }
}

/// <summary>What the reduction needs of a step in a summary: its thread and the parts of its access that decide conflicts.</summary>
/// <param name="Thread">The thread that takes it.</param>
/// <param name="ObjectId">The object it touches, or -1.</param>
/// <param name="Kind">How it touches the object.</param>
/// <param name="Daemon">Taken by a daemon thread.</param>
/// <param name="MayEndRun">The finish of the last live non-daemon thread.</param>
/// <param name="Ender">A step after which the thread's own code ended the run with a violation, or a <see cref="Simulation.Access.Global"/> step: dependent with every step.</param>
internal readonly record struct StepKey(int Thread, int ObjectId, Simulation.AccessKind Kind, bool Daemon, bool MayEndRun, bool Ender)
{
    public static StepKey Of(int thread, DporStep step, bool ender = false) =>
        new(thread, step.Access.ObjectId, step.Access.Kind, step.Daemon, step.MayEndRun, ender || step.Access.Global);

    /// <summary>Whether this step and <paramref name="other"/> (of another thread) are dependent.</summary>
    public bool ConflictsWith(DporStep other) =>
        Ender || new DporStep(new Simulation.Access(ObjectId, Kind, ""), Daemon, MayEndRun).ConflictsWith(other);
}
