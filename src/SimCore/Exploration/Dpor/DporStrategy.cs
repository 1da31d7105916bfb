using SimHarness.Simulation;

namespace SimHarness.Exploration.Dpor;

/// <summary>
/// Exhaustive stateless search: every run replays a prefix of the stack, then extends it; between
/// runs the deepest node with an untried alternative moves on. With reduction on it is source-DPOR
/// with sleep sets: only reversible races between conflicting steps add alternatives, and sleep
/// sets cut runs that would repeat an explored equivalence class.
/// </summary>
/// <remarks>
/// Happens-before is tracked with vector clocks: program order, conflicting accesses to one object,
/// wake edges (a set, finish or start happens before everything its woken thread does next), and
/// time advances, which are barriers: nothing after a tick can be reordered before it, because a
/// tick happens only when no thread can run.
/// A split search (parallel or sharded) gives each part a fixed prefix of frontier nodes: the search
/// stays below it, and races reversed at a frontier node are left alone, because the frontier tries
/// every sibling there that is not asleep (Parallel/Frontier.cs).
/// </remarks>
internal sealed partial class DporStrategy(bool reduction, IReadOnlyList<DporNode>? prefix = null) : IScheduleStrategy
{
    private readonly List<DporNode> _stack = [];
    private readonly List<StepEvent> _events = [];
    private readonly Dictionary<int, List<int>> _eventsByObject = [];
    private readonly List<int[]> _threadClocks = [];
    private readonly List<int> _races = [];
    private readonly List<int> _daemonEvents = [];
    private readonly List<int> _endEvents = [];
    private readonly List<StepEvent> _suffix = [];
    private readonly List<int> _initials = [];
    private int[] _scratch = new int[16];
    private int _depth;
    private DporNode? _lastThreadNode;
    private int _lastThreadNodeIndex;

    /// <summary>Prepares the next run; false when the search is exhausted.</summary>
    public bool NextRun()
    {
        for (var i = _stack.Count - 1; i >= 0; i--)
        {
            if (_stack[i].TryAdvance())
            {
                _stack.RemoveRange(i + 1, _stack.Count - i - 1);
                ResetRun();
                return true;
            }
        }

        return false;
    }

    /// <summary>Readies the strategy for the first run.</summary>
    public void Start()
    {
        _stack.Clear();
        _stack.AddRange(prefix ?? []);
        ResetRun();
    }

    public SimThread? PickThread(IReadOnlyList<SimThread> candidates)
    {
        DporNode node;
        if (_depth < _stack.Count)
        {
            node = _stack[_depth];
            if (node.Kind != DecisionKind.Thread || !node.IsEnabled(node.Chosen))
            {
                throw new InvalidOperationException($"nondeterministic scenario: replaying decision {_depth} found other runnable threads");
            }
        }
        else
        {
            var sleep = reduction && _lastThreadNode is not null ? _lastThreadNode.ChildSleep() : [];
            node = DporNode.ForThreads(candidates, sleep);
            SimThread? first = null;
            foreach (var c in candidates)
            {
                // The first run of every subtree takes the canonical schedule where the sleep set allows.
                if (!sleep.ContainsKey(c.Id) && (first is null || c.ParkStamp < first.ParkStamp))
                {
                    first = c;
                }
            }

            if (first is null)
            {
                return null;
            }

            node.Chosen = first.Id;
            node.Done.Add(first.Id);
            if (reduction)
            {
                node.Backtrack.Add(first.Id);
            }
            else
            {
                node.Backtrack.UnionWith(node.EnabledIds);
            }

            _stack.Add(node);
        }

        _lastThreadNode = node;
        _lastThreadNodeIndex = _depth;
        _depth++;
        foreach (var c in candidates)
        {
            if (c.Id == node.Chosen)
            {
                return c;
            }
        }

        throw new InvalidOperationException("nondeterministic scenario: the chosen thread is not runnable on replay");
    }

    public int PickValue(int count, string what)
    {
        if (_depth < _stack.Count)
        {
            var n = _stack[_depth++];
            return n.Kind == DecisionKind.Value && n.Count == count
                ? n.Value
                : throw new InvalidOperationException($"nondeterministic scenario: replaying decision {_depth - 1} ({what}) found another choice");
        }

        _stack.Add(DporNode.ForValue(count));
        _depth++;
        return 0;
    }

    public void OnStepCompleted(SimThread stepper, Access access, IReadOnlyList<SimThread> woken, bool timeAdvanced)
    {
        if (!reduction)
        {
            return;
        }

        var p = stepper.Id;
        var step = new DporStep(access, stepper.IsDaemon, DporStep.EndsRun(stepper, access));
        var before = ClockOf(p);
        var clock = Scratch(before);
        var index = _events.Count;
        _races.Clear();
        List<int>? onObject = null;
        if (access.ObjectId >= 0)
        {
            if (!_eventsByObject.TryGetValue(access.ObjectId, out onObject))
            {
                onObject = _eventsByObject[access.ObjectId] = [];
            }

            CheckRaces(onObject, step, p, before, ref clock, skipObject: -1);
        }

        // A run-ending finish and a daemon's step are dependent whatever they touch (DporStep).
        if (step.MayEndRun)
        {
            CheckRaces(_daemonEvents, step, p, before, ref clock, access.ObjectId);
        }

        if (step.Daemon)
        {
            CheckRaces(_endEvents, step, p, before, ref clock, access.ObjectId);
        }

        var stepClock = VectorClock.Tick(clock, p);
        _events.Add(new StepEvent(p, step, stepClock, _lastThreadNodeIndex));
        onObject?.Add(index);
        if (step.Daemon)
        {
            _daemonEvents.Add(index);
        }

        if (step.MayEndRun)
        {
            _endEvents.Add(index);
        }

        foreach (var j in _races)
        {
            // Only races not ordered through another racing event are reversed here.
            if (!OrderedThroughAnotherRace(j))
            {
                AddBacktrack(j, index);
            }
        }

        SetClock(p, stepClock);
        foreach (var w in woken)
        {
            SetClock(w.Id, VectorClock.Join(ClockOf(w.Id), stepClock));
        }

        if (timeAdvanced)
        {
            var barrier = Scratch(stepClock);
            foreach (var c in _threadClocks)
            {
                JoinInto(ref barrier, c);
            }

            var shared = barrier.ToArray();
            for (var t = 0; t < _threadClocks.Count; t++)
            {
                _threadClocks[t] = shared;
            }
        }
    }

    private int[] ClockOf(int thread) => thread < _threadClocks.Count ? _threadClocks[thread] : [];

    private void SetClock(int thread, int[] clock)
    {
        while (_threadClocks.Count <= thread)
        {
            _threadClocks.Add([]);
        }

        _threadClocks[thread] = clock;
    }

    private void ResetRun()
    {
        _depth = 0;
        _lastThreadNode = null;
        _events.Clear();
        foreach (var list in _eventsByObject.Values)
        {
            list.Clear();
        }

        _threadClocks.Clear();
        _daemonEvents.Clear();
        _endEvents.Clear();
    }

    private readonly record struct StepEvent(int Thread, DporStep Step, int[] Clock, int Node);
}
