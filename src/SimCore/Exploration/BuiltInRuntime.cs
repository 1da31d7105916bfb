using SimHarness.Simulation;

namespace SimHarness.Exploration;

/// <summary>The built-in explorer's runtime: each scheduling point parks the thread on its own gate.</summary>
internal sealed class BuiltInRuntime(SimSynchronizationContext context, Func<int, string, int> chooseValue) : IRuntime
{
    private long _parkStamp;

    /// <summary>Threads parked at a gate, in the order they arrived.</summary>
    public List<SimThread> Parked { get; } = [];

    public bool IsVirtual => true;

    public long WallMicros => 0;

    public StepGate BeforeStep(SimThread thread, Access access)
    {
        thread.Pending = access;
        thread.ParkStamp = ++_parkStamp;
        Parked.Add(thread);
        return new StepGate(thread);
    }

    /// <summary>Releases one parked thread: it takes its step when the context next drains.</summary>
    public void Release(SimThread thread)
    {
        Parked.Remove(thread);
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

        // The step runs now, on the driver's thread; whatever it wakes is queued on the context.
        continuation();
    }

    public void Launch(SimThread thread, Func<Task> body) => context.Post(static b => ((Func<Task>)b!)(), body);

    public AtomicScope EnterAtomic() => default;

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
