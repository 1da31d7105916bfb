using SimHarness.Simulation;

namespace SimHarness.Exploration.Dpor;

/// <summary>One decision point on the depth-first search stack.</summary>
/// <remarks>
/// A thread node keeps what partial-order reduction needs: the enabled threads with their pending
/// steps, the backtrack set (threads still to try here), the threads already explored, and the
/// sleep set (threads whose step here is covered by an earlier sibling). A value node is a data
/// choice (segment size, fault, tie order) and simply tries every value.
/// </remarks>
internal sealed class DporNode
{
    private DporNode(DecisionKind kind) => Kind = kind;

    public DecisionKind Kind { get; }

    /// <summary>A node of a fixed prefix (a frontier split): it never advances and takes no backtrack points.</summary>
    public bool Fixed { get; private init; }

    // Thread nodes.
    public int[] EnabledIds { get; private init; } = [];
    public DporStep[] EnabledSteps { get; private init; } = [];
    public IdSet Backtrack { get; } = new();
    public IdSet Done { get; } = new();
    public Dictionary<int, DporStep> Sleep { get; private init; } = NoSleep;

    // Threads whose step here ended the run with a violation: dependent with every step, so never put to
    // sleep. Rare: made on first use.
    private HashSet<int>? _enders;
    public int Chosen { get; set; }

    // The reversed races' sequences, by the backtrack entry they asked for (DporStrategy.WakeUp.cs); made on first use.
    private Dictionary<int, int[]>? _wakeUps;

    /// <summary>The race analysis as it stood at this decision, for the runs that replay down to it (DporStrategy.Replay.cs).</summary>
    public ReplayMark? Mark { get; set; }

    /// <summary>The digest of the world's state at this node, when the search caches states.</summary>
    public UInt128? State { get; set; }

    // Value nodes.
    public int Count { get; private init; }
    public int Value { get; set; }

    /// <summary>Parked threads whose step would block here (<see cref="StepGuard"/>): neither candidates nor backtrack points.</summary>
    public int[] DisabledIds { get; private init; } = [];

    public static DporNode ForThreads(IReadOnlyList<SimThread> candidates, Dictionary<int, DporStep> sleep, int[] disabled)
    {
        // Loops, not LINQ: a node is made at most steps of a search.
        var ids = new int[candidates.Count];
        var steps = new DporStep[candidates.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = candidates[i].Id;
            steps[i] = DporStep.Of(candidates[i]);
        }

        return new DporNode(DecisionKind.Thread) { EnabledIds = ids, EnabledSteps = steps, Sleep = sleep, DisabledIds = disabled };
    }

    public static DporNode ForValue(int count) => new(DecisionKind.Value) { Count = count };

    /// <summary>A thread node of a fixed prefix: <paramref name="done"/> holds the siblings explored before <paramref name="chosen"/> and itself, so that <see cref="ChildSleep"/> is what the unsplit search would compute.</summary>
    public static DporNode FixedThread(int[] ids, DporStep[] steps, int chosen, Dictionary<int, DporStep> sleep, int[] done)
    {
        var node = new DporNode(DecisionKind.Thread) { Fixed = true, EnabledIds = ids, EnabledSteps = steps, Sleep = sleep, Chosen = chosen };
        node.Done.UnionWith(done);
        node.Backtrack.UnionWith(node.Done);
        return node;
    }

    /// <summary>A value node of a fixed prefix.</summary>
    public static DporNode FixedValue(int count, int value) => new(DecisionKind.Value) { Fixed = true, Count = count, Value = value };

    /// <summary>Marks <paramref name="threadId"/>'s step here as one that ended the run with a violation: never put to sleep.</summary>
    public void AddEnder(int threadId) => (_enders ??= []).Add(threadId);

    public bool IsEnabled(int threadId) => Array.IndexOf(EnabledIds, threadId) >= 0;

    public bool IsDisabled(int threadId) => Array.IndexOf(DisabledIds, threadId) >= 0;

    public DporStep StepOf(int threadId) => EnabledSteps[Array.IndexOf(EnabledIds, threadId)];

    /// <summary>Remembers the threads of the reversing sequence that made <paramref name="thread"/> a backtrack entry here, <paramref name="thread"/> first.</summary>
    public void SetWakeUp(int thread, int[] sequence) => (_wakeUps ??= [])[thread] = sequence;

    /// <summary>The sequence <see cref="SetWakeUp"/> remembered for <paramref name="thread"/>, or null.</summary>
    public int[]? WakeUpOf(int thread) => _wakeUps?.GetValueOrDefault(thread);

    /// <summary>
    /// This node's branches as the search knows them now (the alternatives explored and those still
    /// to try), and how many it finished before the current one: its part of
    /// <see cref="Estimation.SearchedShare"/>. A node of a fixed prefix is one branch of the part below it.
    /// </summary>
    public (int Branches, int Finished) Progress()
    {
        if (Fixed)
        {
            return (1, 0);
        }

        if (Kind == DecisionKind.Value)
        {
            return (Count, Value);
        }

        var branches = 0;
        foreach (var id in EnabledIds)
        {
            if (Done.Contains(id) || (Backtrack.Contains(id) && !Sleep.ContainsKey(id)))
            {
                branches++;
            }
        }

        return (branches, Done.Count - 1);
    }

    /// <summary>Moves to the next untried alternative; false when this node is exhausted.</summary>
    public bool TryAdvance()
    {
        if (Fixed)
        {
            return false;
        }

        if (Kind == DecisionKind.Value)
        {
            if (Value + 1 >= Count)
            {
                return false;
            }

            Value++;
            return true;
        }

        foreach (var id in EnabledIds)
        {
            if (Backtrack.Contains(id) && !Done.Contains(id) && !Sleep.ContainsKey(id))
            {
                Chosen = id;
                Done.Add(id);
                return true;
            }
        }

        return false;
    }

    /// <summary>The sleep set of the child reached by running <see cref="Chosen"/>: explored or sleeping siblings whose step commutes with it.</summary>
    /// <remarks>Most children sleep nothing: they share one empty set, which nobody writes (a node never changes its sleep set).</remarks>
    public Dictionary<int, DporStep> ChildSleep()
    {
        var chosen = StepOf(Chosen);
        Dictionary<int, DporStep>? sleep = null;
        foreach (var (id, access) in Sleep)
        {
            if (!access.ConflictsWith(chosen))
            {
                (sleep ??= [])[id] = access;
            }
        }

        foreach (var id in Done)
        {
            if (id != Chosen && _enders?.Contains(id) != true)
            {
                var access = StepOf(id);
                if (!access.ConflictsWith(chosen))
                {
                    (sleep ??= [])[id] = access;
                }
            }
        }

        return sleep ?? NoSleep;
    }

    /// <summary>The empty sleep set that sleepless nodes share; never written.</summary>
    public static Dictionary<int, DporStep> NoSleep { get; } = [];
}
