using SimHarness.Simulation;

namespace SimHarness.Exploration;

/// <summary>The built-in explorer's runtime: each scheduling point parks the thread on its own gate.</summary>
internal sealed class BuiltInRuntime(SimSynchronizationContext context, Func<int, string, int> chooseValue) : IRuntime
{
    private readonly int _driver = Environment.CurrentManagedThreadId;
    private long _parkStamp;

    /// <summary>How the scenario's code escaped the harness, if it did (reported by the executor).</summary>
    public HarnessEscapeException? Escape { get; private set; }

    private readonly ThreadList _parked = new();

    /// <summary>Threads parked at a gate, in thread-id order (the order strategies see them in).</summary>
    /// <remarks>Kept sorted on insertion: with a thousand threads a sort per decision made runs quadratic.</remarks>
    public IReadOnlyList<SimThread> Parked => _parked;

    /// <summary>Threads parked since the executor last refreshed its <see cref="GateSets"/> (it clears the list).</summary>
    public List<SimThread> NewlyParked { get; } = [];

    public bool IsVirtual => true;

    public long WallMicros => 0;

    public bool HonoursGuards => true;

    public StepGate BeforeStep(SimThread thread, Access access)
    {
        // Guidance instead of a corrupted schedule: the executor reports the escape after this step.
        if (Environment.CurrentManagedThreadId != _driver)
        {
            throw Escape ??= HarnessEscapeException.ForeignThread(thread.Name);
        }

        if (!_parked.TryInsertById(thread))
        {
            throw Escape ??= HarnessEscapeException.MissingAwait(thread.Name);
        }

        thread.Pending = access;
        thread.ParkStamp = ++_parkStamp;
        NewlyParked.Add(thread);
        return new StepGate(thread);
    }

    /// <summary>Releases one parked thread: it takes its step when the context next drains.</summary>
    public void Release(SimThread thread)
    {
        _parked.RemoveById(thread);
        var continuation = thread.GateContinuation!;
        thread.GateContinuation = null;
        try
        {
            thread.World.PassGate(thread);
        }
        catch (ThreadKilledException killed)
        {
            thread.GateFault = killed;
        }

        // The step runs now, on the driver's thread, under the thread's own context; whatever it
        // wakes is queued on the shared queue under the woken thread's context. The executor drains
        // the queue next, which ends under the queue's own context again.
        context.Enter(thread.SchedulerContext!);
        continuation();
    }

    public void Launch(SimThread thread, Func<Task> body)
    {
        var own = new SimThreadContext(context, thread);
        thread.SchedulerContext = own;
        context.Post(static b => ((Func<Task>)b!)(), body, own);
    }

    public SimSynchronizationContext? Driver => context;

    public AtomicScope EnterAtomic() => default;

    public bool NeedsAtomic => false;

    public int ChooseValue(int count, string what) => chooseValue(count, what);

    public void ArmRealTimer(Waiter waiter, long delayMicros) =>
        throw new InvalidOperationException("the built-in scheduler runs on virtual time");

    public void OnRunEnded()
    {
    }

    public void OnViolation(Violation violation)
    {
    }
}
