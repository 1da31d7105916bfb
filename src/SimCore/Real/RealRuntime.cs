using SimHarness.Simulation;

namespace SimHarness.Real;

/// <summary>The real backend: one OS thread per simulated thread, wall-clock time, one world-wide lock.</summary>
/// <remarks>
/// Scheduling points do not yield: the operating system interleaves the threads. The atomic part of
/// every step holds one <c>lock(object)</c> (Monitor, which Coyote also understands; never
/// <c>System.Threading.Lock</c>), so the world's record stays consistent and the same rules
/// decide when the run ends or deadlocks. Timeouts are real timers that wake the waiter through
/// the world under that lock. Real runs are not explored: every data choice takes value 0.
/// </remarks>
internal sealed class RealRuntime : IRuntime
{
    private readonly object _gate = new();
    private readonly List<Thread> _osThreads = [];
#pragma warning disable RS0030 // The real backend runs on wall-clock time by definition.
    private readonly System.Diagnostics.Stopwatch _clock = new();
#pragma warning restore RS0030
    private World? _world;

    public bool IsVirtual => false;

#pragma warning disable RS0030 // The real backend runs on wall-clock time by definition.
    public long WallMicros => _clock.ElapsedTicks * 1_000_000 / System.Diagnostics.Stopwatch.Frequency;
#pragma warning restore RS0030

    /// <summary>The world's record of the run, snapshot under the lock at the instant the run ended.</summary>
    public RunRecord? RecordAtEnd { get; private set; }

    /// <summary>Binds the runtime to its world and starts the wall clock; call once, before the run starts.</summary>
    public void Attach(World world)
    {
        _world = world;
#pragma warning disable RS0030 // The real backend runs on wall-clock time by definition.
        _clock.Start();
#pragma warning restore RS0030
    }

    /// <summary>OS threads launched so far (their bodies may still be running).</summary>
    public IReadOnlyList<Thread> OsThreads
    {
        get
        {
            lock (_gate)
            {
                return _osThreads.ToArray();
            }
        }
    }

    // The operating system interleaves real threads: nothing to wait for before a step.
    public StepGate BeforeStep(SimThread thread, Access access)
    {
        thread.Pending = access;
        thread.World.PassGate(thread);
        return StepGate.Passed;
    }

    public void Launch(SimThread thread, Func<Task> body)
    {
        var context = new RealThreadContext();
        // Background exactly when the simulated thread is a daemon (Python's meaning): a daemon
        // OS thread never keeps the process alive, whatever its simulated thread does.
        var os = new Thread(() => context.Run(body)) { Name = thread.Name, IsBackground = thread.IsDaemon };
        lock (_gate)
        {
            _osThreads.Add(os);
        }

        os.Start();
    }

    public AtomicScope EnterAtomic()
    {
        System.Threading.Monitor.Enter(_gate);
        return new AtomicScope(_gate);
    }

    public int ChooseValue(int count, string what) => 0;

    public void ArmRealTimer(Waiter waiter, long delayMicros)
    {
#pragma warning disable RS0030 // Real timeouts need a real timer; it only calls back into the world under its lock.
        var timer = new Timer(OnTimer, waiter, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        // Stored before it can fire (we hold the world's lock, and the callback takes it), so a wake disposes it.
        waiter.RealTimer = timer;
        timer.Change(ToDueTime(delayMicros), Timeout.InfiniteTimeSpan);
#pragma warning restore RS0030
    }

    public void OnRunEnded()
    {
        // EndRun runs under the world's lock: this is the run's state at the instant it ended.
        RecordAtEnd = _world!.ToRecord();
        // Blocked threads unwind with ThreadKilledException; running ones at their next step.
        // Each OS thread leaves its loop once its body has unwound.
        _world.KillBlocked();
    }

    public void OnViolation(Violation violation)
    {
    }

    private void OnTimer(object? state)
    {
        var waiter = (Waiter)state!;
        // The timer's clock is coarser than the stopwatch and may fire a little early: never wake
        // before the deadline (docs/semantics.md rule 4's "nothing runs early" holds on wall time too).
        var remaining = waiter.Deadline - WallMicros;
        if (remaining > 0)
        {
            lock (_gate)
            {
                if (!waiter.Done)
                {
#pragma warning disable RS0030 // See ArmRealTimer.
                    ((Timer)waiter.RealTimer!).Change(ToDueTime(remaining), Timeout.InfiniteTimeSpan);
#pragma warning restore RS0030
                }
            }

            return;
        }

        _world!.OnRealTimer(waiter);
    }

    // Timers count whole milliseconds: round up so the timer is never early by design.
    private static TimeSpan ToDueTime(long micros) => TimeSpan.FromMilliseconds((micros + 999) / 1000);
}
