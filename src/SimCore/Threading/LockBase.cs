using SimHarness.Simulation;

namespace SimHarness.Threading;

/// <summary>What <see cref="Lock"/> and <see cref="RLock"/> share: Python's <c>acquire(blocking, timeout)</c>, <c>release()</c>, and what a <see cref="Condition"/> needs of its lock.</summary>
/// <remarks>
/// Every operation is one step that writes the lock (rule 1 of docs/semantics.md). CPython's lock on Linux
/// is a POSIX semaphore: a release wakes one blocked acquirer (the futex queue is first-in,
/// first-out) but hands it nothing, so a newcomer, or the releaser itself, may take the lock
/// first; the woken thread then blocks again at the back of the queue. That is the model here:
/// a release wakes the longest-blocked acquirer, whose retry is a step of its own. A timed-out
/// acquire returns false without retrying; <c>timeout</c> null or -1 waits forever, zero tries once.
/// </remarks>
public abstract class LockBase : IStateful
{
    private readonly List<Waiter> _waiters = [];

    private protected LockBase(World world, int id)
    {
        World = world;
        Id = id;
        world.Track(this);
    }

    /// <summary>The lock's name in traces (<c>lock#2</c>).</summary>
    public string Name => World.ObjectName(Id);

    internal World World { get; }

    internal int Id { get; }

    /// <summary>Acquires the lock; returns false when <paramref name="blocking"/> is false and it is held, or when <paramref name="timeout"/> passes first.</summary>
    /// <param name="blocking">False tries once and never blocks.</param>
    /// <param name="timeout">Seconds to wait at most; null or -1 waits forever; other negative values are a <see cref="ValueError"/>.</param>
    /// <exception cref="ValueError">A timeout with <paramref name="blocking"/> false, or a negative timeout other than -1.</exception>
    public async Task<bool> AcquireAsync(bool blocking = true, decimal? timeout = null)
    {
        var forever = timeout is null or -1m;

        // CPython converts the timeout before anything else: too large is an OverflowError even for a free lock.
        Timeouts.Check(timeout);
        if (!blocking && !forever)
        {
            throw new ValueError("can't specify a timeout for a non-blocking call");
        }

        if (timeout < 0 && !forever)
        {
            throw new ValueError("timeout value must be positive");
        }

        var me = World.CurrentThread;
        // The deadline counts from the call: a thread waits at its gate while the lock is held.
        var deadline = forever ? default : Deadline.After(World, Deadline.ToMicros(timeout!.Value));
        var guard = blocking ? new StepGuard(() => CanTake(me), deadline.At, $"acquire {Name}") : null;
        await StepAsync(me, "acquire", guard);
        while (true)
        {
            Waiter w;
            using (World.Atomic())
            {
                if (TryTake(me))
                {
                    World.Record(me, "acquire", Id, "true", null);
                    return true;
                }

                var remaining = deadline.Remaining(World);
                if (!blocking || (deadline.IsSet && remaining <= 0))
                {
                    World.Record(me, "acquire", Id, "false", null);
                    return false;
                }

                World.Record(me, "acquire", Id, "blocked", null);
                w = BlockOnLock(me, remaining);
            }

            if (await World.AwaitWakeAsync(w) == WakeReason.TimedOut)
            {
                return false;
            }

            await StepAsync(me, "acquire", guard);
        }
    }

    private StepGate StepAsync(SimThread me, string op, StepGuard? guard) =>
        guard is null
            ? World.StepAsync(me, new Access(Id, AccessKind.Write, op))
            : World.StepAsync(me, new Access(Id, AccessKind.Write, op), guard);

    /// <summary>Python's <c>with lock:</c> — <c>await using (await lk.EnterAsync()) { ... }</c>: acquires (a step) and releases at the end of the block (a step), also when the block throws.</summary>
    public async Task<Scope> EnterAsync()
    {
        await AcquireAsync();
        return new Scope(ReleaseAsync);
    }

    /// <summary>Releases the lock (a step); wakes the longest-blocked acquirer, which tries again.</summary>
    /// <exception cref="RuntimeError">The lock is not held (by the caller, for an <see cref="RLock"/>).</exception>
    public async Task ReleaseAsync()
    {
        var me = World.CurrentThread;
        await World.StepAsync(me, new Access(Id, AccessKind.Write, "release"));
        using var _ = World.Atomic();
        if (ReleaseError(me) is { } error)
        {
            World.Record(me, "release", Id, nameof(RuntimeError), null);
            throw new RuntimeError(error);
        }

        World.StepReleasedHeldLock = true;
        if (ReleaseOnce(me))
        {
            WakeWaiters();
        }

        World.Record(me, "release", Id, null, null);
    }

    /// <summary>Whether <see cref="TryTake"/> would succeed now (changes nothing).</summary>
    internal abstract bool CanTake(SimThread me);

    /// <summary>Takes the lock for <paramref name="me"/> if it can, inside a step.</summary>
    internal abstract bool TryTake(SimThread me);

    /// <summary>Python's error message when <paramref name="me"/> may not release, or null.</summary>
    internal abstract string? ReleaseError(SimThread me);

    /// <summary>Releases one level; true when the lock became free.</summary>
    internal abstract bool ReleaseOnce(SimThread me);

    /// <summary>Python's <c>Condition._is_owned</c> for this kind of lock.</summary>
    internal abstract bool IsOwnedBy(SimThread me);

    /// <summary>Python's <c>_release_save</c>: frees the lock entirely and returns what <see cref="TryRestore"/> needs.</summary>
    internal abstract int ReleaseAll(SimThread me);

    /// <summary>Python's <c>_acquire_restore</c>, one attempt: takes the lock back with the saved recursion count.</summary>
    internal abstract bool TryRestore(SimThread me, int saved);

    /// <summary>A condition's re-acquire after its wait: steps until the lock is back, then runs <paramref name="onRestored"/> in that step.</summary>
    internal async Task RestoreAsync(SimThread me, int saved, Action onRestored)
    {
        var guard = new StepGuard(() => CanTake(me), -1, $"acquire {Name}");
        while (true)
        {
            await StepAsync(me, "reacquire", guard);
            Waiter w;
            using (World.Atomic())
            {
                if (TryRestore(me, saved))
                {
                    onRestored();
                    World.Record(me, "reacquire", Id, "true", null);
                    return;
                }

                World.Record(me, "reacquire", Id, "blocked", null);
                w = BlockOnLock(me, -1);
            }

            await World.AwaitWakeAsync(w);
        }
    }

    /// <summary>Wakes the longest-blocked acquirer (timed-out ones have left): it races for the lock again.</summary>
    private protected void WakeWaiters()
    {
        _waiters.RemoveAll(x => x.Done);
        if (_waiters.Count > 0)
        {
            World.Wake(_waiters[0], WakeReason.Signaled);
            _waiters.RemoveAt(0);
        }
    }

    private Waiter BlockOnLock(SimThread me, long micros)
    {
        _waiters.RemoveAll(x => x.Done);
        var w = World.Block(me, Id, $"acquire {Name}", micros);
        _waiters.Add(w);
        return w;
    }

    void IStateful.WriteState(StateWriter state)
    {
        state.Add(Id);
        WriteOwner(state);
        World.WriteWaiters(state, _waiters);
    }

    /// <summary>Writes who holds the lock (and how many times, for an <see cref="RLock"/>).</summary>
    private protected abstract void WriteOwner(StateWriter state);
}
