namespace SimHarness.Simulation;

/// <summary>What differs between the built-in scheduler, Coyote and the real backend.</summary>
/// <remarks>
/// Everything else (the primitives, the thread record, when time advances) is one implementation
/// in <see cref="World"/>. A runtime decides only how a scheduling point yields, how a thread body
/// is launched, what the clock reads and how a timer is armed.
/// </remarks>
internal interface IRuntime
{
    /// <summary>True for the virtual clock (built-in and Coyote); false for wall-clock time.</summary>
    bool IsVirtual { get; }

    /// <summary>Wall-clock microseconds since the run started (real backend only).</summary>
    long WallMicros { get; }

    /// <summary>The scheduling point before a step: completes when this thread may take it.</summary>
    /// <remarks>Must call <see cref="World.PassGate"/> as it lets the thread through (and fault the gate with its exception).</remarks>
    StepGate BeforeStep(SimThread thread, Access access);

    /// <summary>True when the scheduler offers only threads whose <see cref="StepGuard"/> is enabled (the built-in one).</summary>
    bool HonoursGuards => false;

    /// <summary>
    /// The built-in scheduler's queue, under which each simulated thread's code runs in its own
    /// <see cref="Exploration.SimThreadContext"/>; the queue then tells the world whose code is
    /// running. Null elsewhere: an <c>AsyncLocal</c> tells, and the execution context must flow.
    /// </summary>
    Exploration.SimSynchronizationContext? Driver => null;

    /// <summary>Starts running a thread body concurrently with its starter.</summary>
    void Launch(SimThread thread, Func<Task> body);

    /// <summary>Enters the atomic part of a step (a lock on the real backend, nothing in simulation).</summary>
    AtomicScope EnterAtomic();

    /// <summary>False when <see cref="EnterAtomic"/> does nothing (the built-in scheduler): the world then skips the call.</summary>
    bool NeedsAtomic => true;

    /// <summary>A choice that is not an interleaving (segment size, fault): a value in [0, count).</summary>
    int ChooseValue(int count, string what);

    /// <summary>Arms a wall-clock timer for a waiter (real backend only).</summary>
    void ArmRealTimer(Waiter waiter, long delayMicros);

    /// <summary>Called once when the run has ended, normally or with a violation.</summary>
    void OnRunEnded();

    /// <summary>Called when a violation is found (Coyote marks the iteration as a bug).</summary>
    void OnViolation(Violation violation);
}

/// <summary>
/// The atomic part of one step: holds the real backend's lock, suppresses Coyote's interleavings,
/// is empty under the built-in scheduler.
/// </summary>
/// <param name="gate">A lock to exit, an <see cref="IDisposable"/> that ends the scope, or null.</param>
internal readonly struct AtomicScope(object? gate) : IDisposable
{
    public void Dispose()
    {
        if (gate is null)
        {
            return;
        }

        if (gate is IDisposable exit)
        {
            exit.Dispose();
        }
        else if (gate is not null)
        {
            System.Threading.Monitor.Exit(gate);
        }
    }
}
