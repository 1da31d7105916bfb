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
/// </remarks>
internal sealed class DporStrategy(bool reduction) : IScheduleStrategy
{
    private readonly List<DporNode> _stack = [];
    private readonly List<StepEvent> _events = [];
    private readonly Dictionary<int, List<int>> _eventsByObject = [];
    private readonly List<int[]> _threadClocks = [];
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
    public void Start() => ResetRun();

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
        var before = ClockOf(p);
        var clock = before;
        var index = _events.Count;
        if (access.ObjectId >= 0)
        {
            var onObject = _eventsByObject.TryGetValue(access.ObjectId, out var list) ? list : _eventsByObject[access.ObjectId] = [];
            var races = new List<int>();
            foreach (var j in onObject)
            {
                var e = _events[j];
                if (!e.Access.ConflictsWith(access))
                {
                    continue;
                }

                clock = VectorClock.Join(clock, e.Clock);
                if (e.Thread != p && !VectorClock.HappensBefore(e.Clock, e.Thread, before))
                {
                    races.Add(j);
                }
            }

            var step = new StepEvent(p, access, VectorClock.Tick(clock, p), _lastThreadNodeIndex);
            _events.Add(step);
            onObject.Add(index);
            foreach (var j in races)
            {
                // Only races not ordered through another racing event are reversed here.
                if (!races.Any(k => k != j && VectorClock.HappensBefore(_events[j].Clock, _events[j].Thread, _events[k].Clock)))
                {
                    AddBacktrack(j, index);
                }
            }
        }
        else
        {
            _events.Add(new StepEvent(p, access, VectorClock.Tick(clock, p), _lastThreadNodeIndex));
        }

        var stepClock = _events[index].Clock;
        SetClock(p, stepClock);
        foreach (var w in woken)
        {
            SetClock(w.Id, VectorClock.Join(ClockOf(w.Id), stepClock));
        }

        if (timeAdvanced)
        {
            var barrier = stepClock;
            foreach (var c in _threadClocks)
            {
                barrier = VectorClock.Join(barrier, c);
            }

            for (var t = 0; t < _threadClocks.Count; t++)
            {
                _threadClocks[t] = barrier;
            }
        }
    }

    /// <summary>Source-DPOR: make sure the node before event <paramref name="j"/> will try an initial of the reversed suffix.</summary>
    private void AddBacktrack(int j, int i)
    {
        var ej = _events[j];
        var node = _stack[ej.Node];
        var initials = new List<int>();
        var suffix = new List<StepEvent>();
        for (var k = j + 1; k <= i; k++)
        {
            var ek = _events[k];
            if (k < i && VectorClock.HappensBefore(ej.Clock, ej.Thread, ek.Clock))
            {
                continue;
            }

            if (!suffix.Any(g => VectorClock.HappensBefore(g.Clock, g.Thread, ek.Clock)) && !initials.Contains(ek.Thread))
            {
                initials.Add(ek.Thread);
            }

            suffix.Add(ek);
        }

        if (initials.Any(node.Backtrack.Contains))
        {
            return;
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
        _eventsByObject.Clear();
        _threadClocks.Clear();
    }

    private readonly record struct StepEvent(int Thread, Access Access, int[] Clock, int Node);
}
