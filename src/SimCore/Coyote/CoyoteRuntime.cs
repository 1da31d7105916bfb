using Microsoft.Coyote.Runtime;
using Microsoft.Coyote.Specifications;
using SimHarness.Simulation;

namespace SimHarness.Coyote;

/// <summary>The world's runtime under Coyote's <c>TestingEngine</c>: Coyote chooses which thread steps next.</summary>
/// <remarks>
/// SimCore.dll is rewritten by <c>coyote rewrite</c>, so the <c>Task.Run</c>, <c>Task.Yield</c> and
/// <c>TaskCompletionSource</c> used here and in the primitives are Coyote's controlled versions.
/// Time stays the world's virtual clock: the world's record, not Coyote's deadlock detector, decides
/// when time advances and what a deadlock is (the world reports deadlocks itself as violations).
/// </remarks>
internal sealed class CoyoteRuntime : IRuntime
{
    // Created inside the iteration, so Coyote records and replays every value it hands out.
    private readonly Microsoft.Coyote.Random.Generator _generator = Microsoft.Coyote.Random.Generator.Create();
    private readonly Action<Violation> _beforeAssert;
    private readonly CancellationToken _stop;
    private World? _world;
    private int _atomicDepth;

    /// <param name="beforeAssert">Runs when the world reports a violation, before Coyote is told (which ends the iteration).</param>
    /// <param name="stop">Abandons the run at its next step once cancelled (time limit, Ctrl-C).</param>
    public CoyoteRuntime(Action<Violation> beforeAssert, CancellationToken stop)
    {
        _beforeAssert = beforeAssert;
        _stop = stop;
    }

    public bool IsVirtual => true;

    public long WallMicros => 0;

    /// <summary>Binds the runtime to the world it serves (the world is built with the runtime, so this comes after).</summary>
    public void Attach(World world) => _world = world;

    /// <summary>
    /// A controlled scheduling point: Coyote may run any other enabled thread before this step.
    /// </summary>
    /// <remarks>
    /// <c>SchedulingPoint.Interleave()</c> rather than <c>await Task.Yield()</c>: both let Coyote
    /// choose the next thread here, but a yield also makes the rest of the thread a new Coyote
    /// operation (an OS thread handoff). Measured back to back on EventRetryLimit at its defaults,
    /// 500 iterations, coyote-random: 148-162 iterations/s against 51-55 with the yield.
    /// Coyote offers no public way to end an iteration early without calling it a bug, so a
    /// cancelled exploration abandons the world here: every thread unwinds at its next step (or is
    /// killed where it blocks), the iteration ends as a normal one, and the explorer drops the run.
    /// </remarks>
    public StepGate BeforeStep(SimThread thread, Access access)
    {
        thread.Pending = access;
        SchedulingPoint.Interleave();
        if (_stop.IsCancellationRequested)
        {
            thread.World.Abandon();
        }

        thread.World.PassGate(thread);
        return StepGate.Passed;
    }

    public void Launch(SimThread thread, Func<Task> body)
    {
#pragma warning disable RS0030 // Rewritten by Coyote into a controlled task: each simulated thread is one Coyote operation.
        _ = Task.Run(body);
#pragma warning restore RS0030
    }

    /// <summary>
    /// Suppresses Coyote's interleavings until the step's atomic part ends. Completing a task
    /// (waking a thread) or starting one is a Coyote scheduling point, and a step must not be cut
    /// there: a step that fires two timers would otherwise let the first woken thread run (and
    /// advance the clock again) before the second is woken.
    /// </summary>
    public AtomicScope EnterAtomic()
    {
        if (_atomicDepth++ == 0)
        {
            SchedulingPoint.Suppress();
        }

        return new AtomicScope(new AtomicExit(this));
    }

    public int ChooseValue(int count, string what) => _generator.NextInteger(count);

    public void ArmRealTimer(Waiter waiter, long delayMicros) =>
        throw new InvalidOperationException("the Coyote scheduler runs on virtual time");

    /// <summary>Wakes every still-blocked thread (killed), so Coyote sees no task left waiting.</summary>
    public void OnRunEnded() => _world?.KillBlocked();

    public void OnViolation(Violation violation)
    {
        _beforeAssert(violation);
        Fail(violation);
    }

    /// <summary>Marks the current Coyote iteration as a bug; the text names the invariant first.</summary>
    internal static void Fail(Violation violation) =>
        // The message goes in as an argument: Coyote formats the text, and messages may hold braces.
        Specification.Assert(false, "{0}", $"{violation.Invariant}: {violation.Message}");

    private void ExitAtomic()
    {
        if (--_atomicDepth == 0)
        {
            SchedulingPoint.Resume();
        }
    }

    /// <summary>Ends an atomic part (what <see cref="AtomicScope"/> disposes).</summary>
    private sealed class AtomicExit(CoyoteRuntime owner) : IDisposable
    {
        public void Dispose() => owner.ExitAtomic();
    }
}
