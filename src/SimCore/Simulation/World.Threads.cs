using SimHarness.Threading;

namespace SimHarness.Simulation;

internal sealed partial class World
{
    private readonly List<SimThread> _threads = [];
    private int _threadCounter;
    private int _startCounter;
    private int _runnable;
    private int _nonDaemonAlive;

    internal IReadOnlyList<SimThread> Threads => _threads;

    /// <summary>Threads the record holds runnable (parked at a gate, or woken and on their way to one).</summary>
    internal int RunnableCount => _runnable;

    /// <summary>Python's <c>threading.main_thread()</c>.</summary>
    public SimThread MainThread => _threads[0];

    /// <summary>Starts the run: the scenario's body becomes the main thread.</summary>
    internal void StartMain(Func<Task> body)
    {
        var main = new SimThread(this, 0, NewObjectId("MainThread#"), "MainThread", body, daemon: false);
        _objectNames[main.ObjectId] = main.Name;
        _threads.Add(main);
        main.Status = ThreadStatus.Runnable;
        main.Ident = 1;
        _runnable++;
        _nonDaemonAlive++;
        _runtime.Launch(main, () => ThreadBodyAsync(main));
    }

    public Task<SimThread> CreateThreadAsync(Func<Task> target, string? targetName = null, string? name = null, bool? daemon = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return CreateCoreAsync(new SimThread(), target, targetName ?? PythonNames.TargetName(target), name, daemon);
    }

    public Task<SimThread> CreateThreadAsync(string? name = null, bool? daemon = null) =>
        CreateCoreAsync(new SimThread(), null, null, name, daemon);

    public Task<TThread> CreateThreadAsync<TThread>(Func<TThread> construct, string? name = null, bool? daemon = null)
        where TThread : SimThread
    {
        ArgumentNullException.ThrowIfNull(construct);

        // Python's subclass __init__ is the caller's own code: it runs before the creation step.
        return CreateCoreAsync(construct(), null, null, name, daemon);
    }

    public int GetIdent() => CurrentThread.Ident ?? 0;

    public int GetNativeId() => GetIdent();

    /// <summary>Creating a thread is a step: it takes a number from the world's counter (CPython numbers only the threads it names itself).</summary>
    /// <param name="t">The new thread object, not yet attached.</param>
    /// <param name="target">The body, or null (a subclass's run, or nothing).</param>
    /// <param name="targetName">What CPython would print in parentheses; null for no target.</param>
    /// <param name="name">An explicit name; null or empty takes <c>Thread-N</c>, as CPython does.</param>
    /// <param name="daemon">Null inherits the creator's flag, as CPython does.</param>
    private async Task<TThread> CreateCoreAsync<TThread>(TThread t, Func<Task>? target, string? targetName, string? name, bool? daemon)
        where TThread : SimThread
    {
        var me = CurrentThread;
        await StepAsync(me, new Access(ThreadCounterObjectId, AccessKind.Write, "create"));
        using var _ = Atomic();
        string fullName;
        if (!string.IsNullOrEmpty(name))
        {
            fullName = name;
        }
        else
        {
            fullName = $"Thread-{++_threadCounter}";
            if (targetName is not null)
            {
                fullName += $" ({targetName})";
            }
        }

        t.Attach(this, _threads.Count, NewObjectId(fullName + "#"), fullName, target, daemon ?? me.IsDaemon);
        _objectNames[t.ObjectId] = fullName;
        _threads.Add(t);
        Record(me, "create", ThreadCounterObjectId, fullName, null);
        return t;
    }

    internal async Task StartThreadAsync(SimThread t)
    {
        var me = CurrentThread;
        // A start also takes the next place in the start order, which enumerate() lists threads in:
        // two starts by two threads decide each other's places though they declare two thread objects.
        // Main's starts are ordered among themselves; any other thread's start is global, so it
        // conflicts with main's starts and with every other thread's.
        await StepAsync(me, new Access(t.ObjectId, AccessKind.Write, "start") { Global = !ReferenceEquals(me, MainThread) });
        using var _ = Atomic();
        if (t.Status != ThreadStatus.Created)
        {
            Record(me, "start", t.ObjectId, nameof(RuntimeError), null);
            throw new RuntimeError("threads can only be started once");
        }

        t.Status = ThreadStatus.Runnable;
        t.Ident = t.Id + 1;
        t.StartSequence = ++_startCounter;
        _runnable++;
        if (!t.IsDaemon)
        {
            _nonDaemonAlive++;
        }

        if (TrackWakes)
        {
            WokenByStep.Add(t);
        }

        Record(me, "start", t.ObjectId, null, null);
        _runtime.Launch(t, () => ThreadBodyAsync(t));
    }

    internal async Task<bool> JoinThreadAsync(SimThread t, decimal? timeout)
    {
        var me = CurrentThread;
        if (ReferenceEquals(t, me))
        {
            throw new RuntimeError("cannot join current thread");
        }

        var micros = timeout is { } s ? Math.Max(0, Timeouts.ToMicros(s)) : -1;
        // A join waits at its gate until the thread has finished (or the timeout, counted from the call, passes).
        var access = new Access(t.ObjectId, AccessKind.Wait, "join");
        var deadline = micros < 0 || micros > Timeouts.MaxMicros ? -1 : NowMicros + micros;
        if (micros > Timeouts.MaxMicros)
        {
            // Too large for CPython's clock: it raises as soon as it would block, so no guard.
            await StepAsync(me, access);
        }
        else
        {
            await StepAsync(me, access, new StepGuard(() => t.Status is ThreadStatus.Finished or ThreadStatus.Created, deadline, $"join {t.Name}"));
        }

        Waiter w;
        using (Atomic())
        {
            if (t.Status == ThreadStatus.Created)
            {
                Record(me, "join", t.ObjectId, nameof(RuntimeError), null);
                throw new RuntimeError("cannot join thread before it is started");
            }

            if (t.Status == ThreadStatus.Finished || micros == 0 || (deadline > 0 && NowMicros >= deadline))
            {
                var done = t.Status == ThreadStatus.Finished;
                Record(me, "join", t.ObjectId, done ? "finished" : "alive", null);
                NoteJoined(me, t, done);
                return done;
            }

            // CPython's join waits on the thread's lock with the timeout: an alive thread and a timeout
            // too large for its clock raise there.
            Timeouts.CheckBlocking(micros);
            Record(me, "join", t.ObjectId, "blocked", null);
            w = Block(me, t.ObjectId, $"join {t.Name}", micros);
            (t.Joiners ??= []).Add(w);
        }

        var finished = await AwaitWakeAsync(w) == WakeReason.Signaled;
        NoteJoined(me, t, finished);
        return finished;
    }

    /// <summary>Remembers that main saw <paramref name="t"/> finish (what may set the uncaught-exception hooks, World.Uncaught.cs).</summary>
    private void NoteJoined(SimThread me, SimThread t, bool finished)
    {
        if (finished && ReferenceEquals(me, MainThread))
        {
            t.JoinedByMain = true;
        }
    }

    /// <summary>A step that reads one thread's state (is_alive, ident): it conflicts with the thread's start and finish.</summary>
    internal async Task<TResult> ReadThreadAsync<TResult>(SimThread t, string op, Func<SimThread, TResult> read)
    {
        var me = CurrentThread;
        await StepAsync(me, new Access(t.ObjectId, AccessKind.Read, op));
        using var _ = Atomic();
        var value = read(t);
        Record(me, op, t.ObjectId, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "None", null);
        return value;
    }

    private async Task ThreadBodyAsync(SimThread t)
    {
        if (_driver is null)
        {
            FlowingThread = t;
        }

        try
        {
            await t.RunBodyAsync();
            await FinalizeGreenletsAsync(t);
        }
        catch (ThreadKilledException)
        {
            return;
        }
        catch (Exception ex) when (!IsControlException(ex))
        {
            if (Ended)
            {
                return;
            }

            if (UncaughtExceptions == UncaughtExceptions.EndRun)
            {
                Violate("uncaught-exception", $"Exception in thread {t.Name}: {ex.GetType().Name}: {ex.Message}", raisedByThread: true);
                return;
            }

            // CPython's rule: excepthook reports the exception, the thread ends, the others carry on.
            if (!await ReportUncaughtAsync(t, ex))
            {
                return;
            }
        }

        try
        {
            await FinishAsync(t);
        }
        catch (ThreadKilledException)
        {
        }
    }

    /// <summary>A thread's end is a step: it writes the thread object, which join waits on.</summary>
    private async Task FinishAsync(SimThread t)
    {
        await StepAsync(t, new Access(t.ObjectId, AccessKind.Write, "finish"));
        using var _ = Atomic();
        Record(t, "finish", t.ObjectId, null, null);
        t.Status = ThreadStatus.Finished;
        _runnable--;
        if (!t.IsDaemon)
        {
            _nonDaemonAlive--;
        }

        if (t.Joiners is { } joiners)
        {
            foreach (var j in joiners)
            {
                Wake(j, WakeReason.Signaled);
            }

            joiners.Clear();
        }

        Settle();
    }

    /// <summary>Coyote stops an iteration by throwing its own exceptions through user code: let them pass.</summary>
    internal static bool IsControlException(Exception ex) =>
        ex is ThreadInterruptedException or OperationCanceledException { Source: "Microsoft.Coyote" } ||
        ex.GetType().Namespace?.StartsWith("Microsoft.Coyote", StringComparison.Ordinal) == true;
}
