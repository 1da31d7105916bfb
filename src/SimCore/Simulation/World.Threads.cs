namespace SimHarness.Simulation;

internal sealed partial class World
{
    private readonly List<SimThread> _threads = [];
    private int _threadCounter;
    private int _runnable;
    private int _nonDaemonAlive;

    internal IReadOnlyList<SimThread> Threads => _threads;

    /// <summary>Threads the record holds runnable (parked at a gate, or woken and on their way to one).</summary>
    internal int RunnableCount => _runnable;

    /// <summary>Starts the run: the scenario's body becomes the main thread.</summary>
    internal void StartMain(Func<Task> body)
    {
        var main = new SimThread(this, 0, NewObjectId("MainThread#"), "MainThread", body, daemon: false);
        _objectNames[main.ObjectId] = main.Name;
        _threads.Add(main);
        main.Status = ThreadStatus.Runnable;
        _runnable++;
        _nonDaemonAlive++;
        _runtime.Launch(main, () => ThreadBodyAsync(main, body));
    }

    public async Task<SimThread> CreateThreadAsync(Func<Task> target, string? targetName = null, string? name = null, bool daemon = false)
    {
        ArgumentNullException.ThrowIfNull(target);
        var me = CurrentThread;
        await StepAsync(me, new Access(ThreadCounterObjectId, AccessKind.Write, "create"));
        using var _ = Atomic();
        // CPython (3.10+) numbers only the threads it names itself: Thread(name='x') takes no number.
        var fullName = name ?? $"Thread-{++_threadCounter} ({targetName ?? target.Method.Name})";
        var t = new SimThread(this, _threads.Count, NewObjectId(fullName), fullName, target, daemon);
        _objectNames[t.ObjectId] = fullName;
        _threads.Add(t);
        Record(me, "create", ThreadCounterObjectId, fullName, null);
        return t;
    }

    internal async Task StartThreadAsync(SimThread t)
    {
        var me = CurrentThread;
        await StepAsync(me, new Access(t.ObjectId, AccessKind.Write, "start"));
        using var _ = Atomic();
        if (t.Status != ThreadStatus.Created)
        {
            throw new InvalidOperationException("threads can only be started once");
        }

        t.Status = ThreadStatus.Runnable;
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
        _runtime.Launch(t, () => ThreadBodyAsync(t, t.Target!));
    }

    internal async Task<bool> JoinThreadAsync(SimThread t, decimal? timeout)
    {
        var me = CurrentThread;
        if (ReferenceEquals(t, me))
        {
            throw new InvalidOperationException("cannot join current thread");
        }

        var micros = timeout is { } s ? Math.Max(0, (long)decimal.Round(s * 1_000_000m)) : -1;
        // A join waits at its gate until the thread has finished (or the timeout, counted from the call, passes).
        var guard = new StepGuard(() => t.Status is ThreadStatus.Finished or ThreadStatus.Created, micros < 0 ? -1 : NowMicros + micros, $"join {t.Name}");
        await StepAsync(me, new Access(t.ObjectId, AccessKind.Wait, "join"), guard);
        Waiter w;
        using (Atomic())
        {
            if (t.Status == ThreadStatus.Created)
            {
                throw new InvalidOperationException("cannot join thread before it is started");
            }

            if (t.Status == ThreadStatus.Finished || micros == 0 || (micros > 0 && NowMicros >= guard.DeadlineMicros))
            {
                var done = t.Status == ThreadStatus.Finished;
                Record(me, "join", t.ObjectId, done ? "finished" : "alive", null);
                return done;
            }

            Record(me, "join", t.ObjectId, "blocked", null);
            w = Block(me, t.ObjectId, $"join {t.Name}", micros);
            (t.Joiners ??= []).Add(w);
        }

        return await AwaitWakeAsync(w) == WakeReason.Signaled;
    }

    private async Task ThreadBodyAsync(SimThread t, Func<Task> body)
    {
        s_current.Value = t;
        try
        {
            await body();
            await FinalizeGreenletsAsync(t);
        }
        catch (ThreadKilledException)
        {
            return;
        }
        catch (Exception ex) when (!IsControlException(ex))
        {
            if (!Ended)
            {
                Violate("uncaught-exception", $"Exception in thread {t.Name}: {ex.GetType().Name}: {ex.Message}", raisedByThread: true);
            }

            return;
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
