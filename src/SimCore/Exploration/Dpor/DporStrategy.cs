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
internal sealed partial class DporStrategy(bool reduction, IReadOnlyList<DporNode>? prefix = null, StateCache? cache = null) : IScheduleStrategy
{
    // With a cache, a state explored before is skipped; with the reduction on, the steps of its explored
    // future (its summary) are checked for races with the current run instead (docs/state-caching.md).
    // The state cache is used only with the reduction (ExhaustiveSearch): --no-reduction is the plain search.
    private readonly bool _raceAnalysis = reduction;
    private readonly bool _sleeps = reduction;
    private readonly List<DporNode> _stack = [];
    private readonly List<StepEvent> _events = [];
    private readonly Dictionary<int, List<int>> _eventsByObject = [];
    private readonly List<VectorClock> _threadClocks = [];
    private readonly List<int> _races = [];
    private readonly List<int> _daemonEvents = [];
    private readonly List<int> _endEvents = [];
    private readonly List<int> _globalEvents = [];
    private readonly List<StepEvent> _suffix = [];
    private readonly List<int> _initials = [];
    // Never written after it is made: consecutive nodes with the same disabled threads share it
    // (a thousand clients waiting in recv would otherwise copy a thousand ids at every step).
    private int[] _disabled = [];
    private int _pendingReversedAt = -1;

    // The step being taken waited at a guard without a deadline (DporStep.GuardFalseBefore).
    private bool _chosenWaitsUntimed;

    // Nodes above this index only replay choices already taken (and summarized) in earlier runs.
    private int _replayedBelow;
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
                Transitions++;
                _stack.RemoveRange(i + 1, _stack.Count - i - 1);
                ResetRun(_stack[i], i);
                _replayedBelow = i;
                FollowWakeUp(_stack[i]);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The share of this search's tree (below its fixed prefix) behind it: after <see cref="NextRun"/>,
    /// the runs made so far; inside a run, the runs before it (<see cref="Estimation.SearchedShare"/>).
    /// </summary>
    public double Searched() => Estimation.SearchedShare.Of(_stack.Select(n => n.Progress()));

    /// <summary>Readies the strategy for the first run.</summary>
    public void Start()
    {
        _stack.Clear();
        _stack.AddRange(prefix ?? []);
        ResetRun(null, 0);
        _replayedBelow = 0;
    }

    public void OnDisabled(IReadOnlyList<SimThread> disabled)
    {
        if (SameIds(_disabled, disabled))
        {
            return;
        }

        var ids = new int[disabled.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = disabled[i].Id;
        }

        _disabled = ids;
    }

    private static bool SameIds(int[] ids, IReadOnlyList<SimThread> threads)
    {
        if (ids.Length != threads.Count)
        {
            return false;
        }

        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] != threads[i].Id)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Every parked thread waits at a disabled gate: a deadline (or the deadlock report) is next. Their
    /// pending steps are enabled by time rather than by a conflicting step, so the orders in which they
    /// would have gone before the steps they conflict with are races the run never shows: reverse them.
    /// </summary>
    public void OnTimeAdvancing(IReadOnlyList<SimThread> disabled)
    {
        if (!_raceAnalysis || ReplayedAdvance())
        {
            return;
        }

        for (var tAt = 0; tAt < disabled.Count; tAt++)
        {
            var t = disabled[tAt];
            ReversePendingRaces(t);
        }

        _pendingReversedAt = _events.Count;
    }

    public void OnTimeAdvanced(IReadOnlyList<SimThread> disabled)
    {
        if (_raceAnalysis && !ReplayedAdvance())
        {
            Barrier(VectorClock.Empty);
        }
    }

    public SimThread? PickThread(IReadOnlyList<SimThread> candidates)
    {
        CheckKeptAnalysis();
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
            var sleep = _sleeps && _lastThreadNode is not null ? _lastThreadNode.ChildSleep() : DporNode.NoSleep;
            var state = cache is not { GaveUp: false } ? null : candidates[0].World.StateDigest();
            if (cache is { GaveUp: false })
            {
                if (state is not { } digest)
                {
                    cache.Undigested++;
                }
                else
                {
                    if (_lastThreadNode?.State is { } from)
                    {
                        cache.Edge(from, digest);
                    }

                    if (cache.Covers(digest, sleep.Keys))
                    {
                        ReverseSummaryRaces(cache, digest, candidates[0].World);
                        return null;
                    }
                }
            }

            node = DporNode.ForThreads(candidates, sleep, _disabled);
            node.State = state;
            node.Mark = Mark();
            var first = FirstChoice(candidates, sleep);
            if (first is null)
            {
                return null;
            }

            node.Chosen = first.Id;
            node.Done.Add(first.Id);
            Transitions++;
            if (_raceAnalysis)
            {
                node.Backtrack.Add(first.Id);
            }
            else
            {
                BacktrackAll(node, candidates);
            }

            _stack.Add(node);
        }

        _lastThreadNode = node;
        _lastThreadNodeIndex = _depth;
        _depth++;
        for (var cAt = 0; cAt < candidates.Count; cAt++)
        {
            var c = candidates[cAt];
            if (c.Id == node.Chosen)
            {
                _chosenWaitsUntimed = c.Guard is { DeadlineMicros: < 0 };
                return CountChoice(candidates, c) ? c : null;
            }
        }

        throw new InvalidOperationException("nondeterministic scenario: the chosen thread is not runnable on replay");
    }

    public int PickValue(int count, string what)
    {
        CheckKeptAnalysis();
        if (_depth < _stack.Count)
        {
            var n = _stack[_depth++];
            return n.Kind == DecisionKind.Value && n.Count == count
                ? n.Value
                : throw new InvalidOperationException($"nondeterministic scenario: replaying decision {_depth - 1} ({what}) found another choice");
        }

        var node = DporNode.ForValue(count);
        node.Mark = Mark();
        _stack.Add(node);
        _depth++;
        return 0;
    }

    /// <summary>Edges of the search tree taken for the first time (a new node's first choice, or a node's next alternative).</summary>
    public long Transitions { get; private set; }

    public bool TracksState => cache is { GaveUp: false };

    public bool IgnoresCheckpoints => cache is { IgnoreCheckpoints: true };

    /// <summary>Readies the next run: from the root, or (<paramref name="movedOn"/>, at <paramref name="index"/>) replaying the stack down to the node that moved on.</summary>
    private void ResetRun(DporNode? movedOn, int index)
    {
        _depth = 0;
        ResetBounding();
        DropWakeUp();
        _lastThreadNode = null;
        if (movedOn is null)
        {
            ForgetAnalysis();
        }
        else
        {
            KeepAnalysisUpTo(movedOn, index);
        }
    }

    /// <param name="Thread">The thread that took the step.</param>
    /// <param name="Step">The step.</param>
    /// <param name="Clock">Its vector clock.</param>
    /// <param name="Node">The index of the node it was taken at, or -1 for a pending step appended for a moment.</param>
    /// <param name="ReleasedHeldLock">A release of a lock that was held just before it.</param>
    private readonly record struct StepEvent(int Thread, DporStep Step, VectorClock Clock, int Node, bool ReleasedHeldLock = false);
}
