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
internal sealed class DporStrategy(bool reduction, IReadOnlyList<DporNode>? prefix = null) : IScheduleStrategy
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

    /// <summary>
    /// The run's last step ended it (rule 2) while daemons were parked at a gate: each of their
    /// pending steps was disabled by that step, so the search must also try them before it.
    /// </summary>
    public void OnRunEnded(IReadOnlyList<SimThread> parked, bool cutShort)
    {
        if (!reduction || _events.Count == 0)
        {
            return;
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

        foreach (var t in parked)
        {
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

        node.Enders.Add(last.Thread);
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

        foreach (var t in parked)
        {
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

    /// <summary>Joins the clocks of the earlier events in <paramref name="candidates"/> that conflict with this step, and notes those that race with it.</summary>
    private void CheckRaces(List<int> candidates, DporStep step, int p, int[] before, ref int[] clock, int skipObject)
    {
        foreach (var j in candidates)
        {
            var e = _events[j];
            if ((skipObject >= 0 && e.Step.Access.ObjectId == skipObject) || !e.Step.ConflictsWith(step))
            {
                continue;
            }

            JoinInto(ref clock, e.Clock);
            if (e.Thread != p && !VectorClock.HappensBefore(e.Clock, e.Thread, before))
            {
                _races.Add(j);
            }
        }
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

    /// <summary>A reusable buffer holding a copy of <paramref name="source"/>.</summary>
    private int[] Scratch(int[] source)
    {
        var size = Math.Max(source.Length, _threadClocks.Count + 1);
        if (_scratch.Length < size)
        {
            _scratch = new int[size * 2];
        }

        Array.Clear(_scratch);
        Array.Copy(source, _scratch, source.Length);
        return _scratch;
    }

    private void JoinInto(ref int[] target, int[] other)
    {
        if (target.Length < other.Length)
        {
            Array.Resize(ref target, other.Length * 2);
            _scratch = target;
        }

        for (var i = 0; i < other.Length; i++)
        {
            if (other[i] > target[i])
            {
                target[i] = other[i];
            }
        }
    }

    /// <summary>Source-DPOR: make sure the node before event <paramref name="j"/> will try an initial of the reversed suffix.</summary>
    private void AddBacktrack(int j, int i)
    {
        var ej = _events[j];
        var node = _stack[ej.Node];
        if (node.Fixed)
        {
            return;
        }

        var initials = _initials;
        var suffix = _suffix;
        initials.Clear();
        suffix.Clear();
        for (var k = j + 1; k <= i; k++)
        {
            var ek = _events[k];
            if (k < i && VectorClock.HappensBefore(ej.Clock, ej.Thread, ek.Clock))
            {
                continue;
            }

            if (!initials.Contains(ek.Thread) && !HasPredecessorIn(suffix, ek))
            {
                if (node.Backtrack.Contains(ek.Thread))
                {
                    return;
                }

                initials.Add(ek.Thread);
            }

            suffix.Add(ek);
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

    private static bool HasPredecessorIn(List<StepEvent> suffix, StepEvent e)
    {
        foreach (var g in suffix)
        {
            if (VectorClock.HappensBefore(g.Clock, g.Thread, e.Clock))
            {
                return true;
            }
        }

        return false;
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
