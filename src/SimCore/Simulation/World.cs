namespace SimHarness.Simulation;

/// <summary>
/// The one implementation of the simulated world: the thread record, the clock, output and the
/// event log. The active <see cref="IRuntime"/> only decides how scheduling points yield.
/// </summary>
internal sealed partial class World : ISim
{
    /// <summary>Object id of the output stream: every print conflicts with every other.</summary>
    internal const int OutputObjectId = 0;

    /// <summary>Object id of the name counters (<c>Thread-N</c>, gevent's <c>Greenlet-N</c>): creating threads and spawning greenlets conflict with each other.</summary>
    internal const int ThreadCounterObjectId = 1;

#pragma warning disable RS0030 // Banned in simulated code; the harness's own record of whose code runs under Coyote and the real backend, where the execution context flows.
    private static readonly AsyncLocal<SimThread?> s_current = new();

    private static SimThread? FlowingThread
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }
#pragma warning restore RS0030

    private readonly IRuntime _runtime;

    // What the runtime is, read once: these are asked at nearly every step.
    private readonly Exploration.SimSynchronizationContext? _driver;
    private readonly bool _isVirtual;
    private readonly bool _needsAtomic;
    private readonly bool _honoursGuards;
    private readonly VirtualClock _clock = new();
    private readonly List<OutputLine> _output = [];
    private readonly List<TraceEvent> _events = [];
    private readonly List<Violation> _violations = [];
    // By object id: ids are handed out in order from 0 (NewObjectId), so a list indexed by id, not a dictionary per run.
    private readonly List<string> _objectNames = ["output", "threads"];
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextObjectId = 2;
    private long _timerSequence;
    private VirtualTimeProvider? _timeProvider;

    public World(IRuntime runtime, long maxSteps)
    {
        _runtime = runtime;
        _driver = runtime.Driver;
        _isVirtual = runtime.IsVirtual;
        _needsAtomic = runtime.NeedsAtomic;
        _honoursGuards = runtime.HonoursGuards;
        MaxSteps = maxSteps;
    }

    /// <summary>Scheduling points allowed before the run is cut as a livelock.</summary>
    public long MaxSteps { get; }

    /// <summary>Steps taken so far.</summary>
    public long Steps { get; private set; }

    /// <summary>True once the run has ended (normally, by a violation, or by a deadlock).</summary>
    public bool Ended { get; private set; }

    /// <summary>True when the run ended because main and every non-daemon thread finished.</summary>
    public bool Completed { get; private set; }

    /// <summary>Completes when the run ends.</summary>
    public Task Completion => _completion.Task;

    public IReadOnlyList<Violation> Violations => _violations;

    public IReadOnlyList<OutputLine> Output => _output;

    public IReadOnlyList<TraceEvent> Events => _events;

    /// <summary>Threads woken by the step in progress (set, finish...): wake edges for happens-before.</summary>
    /// <remarks>Kept only when <see cref="TrackWakes"/> is set: the built-in scheduler clears it every step.</remarks>
    internal ThreadList WokenByStep { get; } = new();

    /// <summary>Room for this many log entries from the start (the built-in explorer passes the size of its previous run).</summary>
    internal int ExpectedEvents
    {
        init => _events.Capacity = value;
    }

    /// <summary>True when the step in progress released a lock it held (it was held just before): the reduction's irreversible races (DporStrategy.Irreversible).</summary>
    internal bool StepReleasedHeldLock { get; set; }

    /// <summary>Whether to keep <see cref="WokenByStep"/> (only the built-in scheduler reads it).</summary>
    internal bool TrackWakes { get; init; }

    /// <summary>Time advances (ticks) since the counter was last reset by the scheduler.</summary>
    internal int Ticks { get; set; }

    public decimal Now => NowMicros / 1_000_000m;

    public long NowMicros => _isVirtual ? _clock.NowMicros : _runtime.WallMicros;

    public TimeProvider TimeProvider => _timeProvider ??= new VirtualTimeProvider(this);

    public bool IsSimulated => _isVirtual;

    public SimThread CurrentThread =>
        RunningThread ?? throw new InvalidOperationException("not on a simulated thread");

    private SimThread? RunningThread => _driver is { } driver ? driver.Running : FlowingThread;

    public Event NewEvent(string? name = null)
    {
        var id = NewObjectId(name ?? "event");
        return new Event(this, id);
    }

    public async Task PrintAsync(string text)
    {
        var t = CurrentThread;
        await StepAsync(t, new Access(OutputObjectId, AccessKind.Write, "print"));
        using var _ = Atomic();
        var line = new OutputLine(NowMicros, t.Label, text);
        _output.Add(line);
        ObserveOutput(line);
        Record(t, "print", OutputObjectId, null, text);
    }

    public async Task SleepAsync(decimal seconds)
    {
        var micros = ToMicros(seconds, nameof(seconds));
        var t = CurrentThread;
        await StepAsync(t, Access.Local("sleep"));
        Waiter w;
        using (Atomic())
        {
            Record(t, "sleep", -1, FormatSeconds(micros), null);
            if (micros == 0)
            {
                return;
            }

            w = Block(t, -1, $"sleep({FormatSeconds(micros)})", micros);
        }

        await AwaitWakeAsync(w);
    }

    public void Assert(bool condition, string invariant, string message)
    {
        if (!condition)
        {
            Violate(invariant, message, raisedByThread: true);
        }
    }

    /// <summary>A data choice (segment size, fault...), taken by the active scheduler and recorded.</summary>
    /// <remarks>The choice is an observation of the thread taking the step: what it does next may depend on it.</remarks>
    internal int Choose(int count, string what)
    {
        if (count <= 1)
        {
            return 0;
        }

        var value = _runtime.ChooseValue(count, what);
        if (RunningThread is { } t)
        {
            Observe(t, "choice", -1, what, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return value;
    }

    /// <summary>Assigns the next object id and remembers its display name.</summary>
    internal int NewObjectId(string kind)
    {
        using var _ = Atomic(); // real threads create objects in parallel
        var id = _nextObjectId++;
        _objectNames.Add(kind.Contains('#', StringComparison.Ordinal) ? kind : $"{kind}#{id}");
        return id;
    }

    internal string ObjectName(int id) => id < 0 ? "" : id < _objectNames.Count ? _objectNames[id] : $"#{id}";

    internal AtomicScope Atomic() => _needsAtomic ? _runtime.EnterAtomic() : default;

    /// <summary>The scheduling point before a step of <paramref name="thread"/>: completes when the scheduler lets it take the step.</summary>
    /// <remarks>
    /// Not an async method on purpose: it hands out the runtime's own gate, saving one state
    /// machine and one continuation per step. Every runtime calls <see cref="PassGate"/> when it
    /// lets the thread through.
    /// </remarks>
    internal StepGate StepAsync(SimThread thread, Access access) =>
        Ended ? throw new ThreadKilledException() : _runtime.BeforeStep(thread, access);

    /// <summary>The scheduling point before a step that may block: the built-in scheduler offers the thread only once <paramref name="guard"/> is enabled.</summary>
    internal StepGate StepAsync(SimThread thread, Access access, StepGuard guard)
    {
        thread.Guard = _honoursGuards ? guard.Attach(this, access.ObjectId) : null;
        return StepAsync(thread, access);
    }

    /// <summary>Called by the runtime as a thread passes its scheduling point: counts the step and enforces the bound.</summary>
    /// <exception cref="ThreadKilledException">The run has ended, or this step broke the step bound.</exception>
    internal void PassGate(SimThread thread)
    {
        thread.Guard = null;
        StepReleasedHeldLock = false;
        if (Ended)
        {
            throw new ThreadKilledException();
        }

        // The real backend runs threads in parallel: count under the world's lock.
        using (Atomic())
        {
            BumpGuardVersion(thread.Pending.ObjectId);
            if (++Steps > MaxSteps)
            {
                // The message names no thread: which one was about to step when the bound hit depends
                // on the interleaving the search took, not on the equivalence class (the trace shows it).
                Violate("step-bound", $"the run took more than {MaxSteps} steps (livelock or runaway loop)");
                throw new ThreadKilledException();
            }
        }
    }

    /// <summary>Appends an entry to the readable event log.</summary>
    /// <remarks>The monitors see it at once: one of them may end the run at this step.</remarks>
    /// <param name="thread">The thread whose step it is.</param>
    /// <param name="op">The operation.</param>
    /// <param name="objectId">The object, or -1.</param>
    /// <param name="result">What the step returned or found, as the log shows it.</param>
    /// <param name="text">An output line or the bytes a socket moved.</param>
    /// <param name="resultObserved">False when the log's result is for readers only and the thread's code never sees it (a put's queue length).</param>
    internal void Record(SimThread thread, string op, int objectId, string? result, string? text, bool resultObserved = true)
    {
        _events.Add(new TraceEvent(NowMicros, thread.Name, op, objectId < 0 ? null : ObjectName(objectId), result, text)
        {
            // Which greenlet of the thread took the step: the timeline draws one lane per greenlet.
            Greenlet = thread.LabelOverride?.Invoke(),
        });
        Observe(thread, op, objectId, resultObserved ? result : null, text);
        if (_monitors.Length != 0)
        {
            FeedMonitors();
        }
    }

    /// <summary>Records a violation and ends the run.</summary>
    /// <param name="invariant">The invariant broken.</param>
    /// <param name="message">What happened.</param>
    /// <param name="raisedByThread">True when a thread's own code raised it (an assertion, an uncaught exception) right after its step.</param>
    internal void Violate(string invariant, string message, bool raisedByThread = false)
    {
        // Assert and uncaught exceptions call this outside a step: the real backend needs the lock.
        using var _ = Atomic();
        if (Ended)
        {
            return;
        }

        var v = new Violation(invariant, message);
        _violations.Add(v);
        CutShortByStep = raisedByThread;
        EndRun(completed: false);
        _runtime.OnViolation(v);
    }

    /// <summary>
    /// True when the run ended at a violation raised by a thread's own code (an assertion, an uncaught
    /// exception) rather than by finishing, a deadlock or the step bound: the last step ended the run.
    /// </summary>
    internal bool CutShortByStep { get; private set; }

    /// <summary>Builds the run's record once it has ended (or been abandoned).</summary>
    internal RunRecord ToRecord() =>
        new(_output.ToArray(), _events.ToArray(), _violations.ToArray(), Completed, Steps, ThreadNames(), _isVirtual);

    /// <summary>
    /// Builds the run's record from the world's own lists, without copying them: only for a world
    /// that nothing touches again (the built-in executor's, once its run is over).
    /// </summary>
    internal RunRecord HandOverRecord() =>
        new(_output, _events, _violations, Completed, Steps, ThreadNames(), _isVirtual);

    private string[] ThreadNames()
    {
        var names = new string[_threads.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = _threads[i].Name;
        }

        return names;
    }

    /// <summary>A sleep's or wait's length in microseconds, refused as CPython's <c>time.sleep</c> refuses it.</summary>
    /// <exception cref="Threading.ValueError">A negative length (<c>sleep length must be non-negative</c>).</exception>
    /// <exception cref="Threading.OverflowError">A length beyond CPython's clock.</exception>
    internal static long ToMicros(decimal seconds, string what)
    {
        _ = what;
        if (seconds < 0)
        {
            throw new Threading.ValueError("sleep length must be non-negative");
        }

        var micros = Threading.Timeouts.ToMicros(seconds);
        Threading.Timeouts.CheckBlocking(micros);
        return micros;
    }

    internal static string FormatSeconds(long micros) => SecondsText.Format(micros);

    private void EndRun(bool completed)
    {
        if (Ended)
        {
            return;
        }

        Ended = true;
        Completed = completed;
        _runtime.OnRunEnded();
        _completion.TrySetResult();
    }
}
