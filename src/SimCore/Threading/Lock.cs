using SimHarness.Simulation;

namespace SimHarness.Threading;

/// <summary>Python's <c>threading.Lock</c>: a non-recursive lock any thread may release.</summary>
/// <remarks>
/// As in CPython, a lock has no owner: another thread may release it, and releasing an unlocked
/// lock raises <see cref="RuntimeError"/> <c>release unlocked lock</c>. Acquiring a lock the caller
/// already holds blocks (a self-deadlock without a timeout).
/// </remarks>
public sealed class Lock : LockBase
{
    private SimThread? _holder;

    internal Lock(World world, int id)
        : base(world, id)
    {
    }

    /// <summary>Python's <c>locked()</c>: whether any thread holds the lock (a step that reads it).</summary>
    public async Task<bool> LockedAsync()
    {
        var me = World.CurrentThread;
        await World.StepAsync(me, new Access(Id, AccessKind.Read, "locked"));
        using var _ = World.Atomic();
        var held = _holder is not null;
        World.Record(me, "locked", Id, held ? "true" : "false", null);
        return held;
    }

    internal override bool CanTake(SimThread me) => _holder is null;

    private protected override void WriteOwner(StateWriter state) => state.Add(_holder?.Id ?? -1);

    internal override bool TryTake(SimThread me)
    {
        if (_holder is not null)
        {
            return false;
        }

        _holder = me;
        return true;
    }

    internal override string? ReleaseError(SimThread me) => _holder is null ? "release unlocked lock" : null;

    internal override bool ReleaseOnce(SimThread me)
    {
        _holder = null;
        return true;
    }

    // CPython's Condition falls back to "held by anyone" for a plain lock, which has no owner.
    internal override bool IsOwnedBy(SimThread me) => _holder is not null;

    internal override int ReleaseAll(SimThread me)
    {
        _holder = null;
        WakeWaiters();
        return 1;
    }

    internal override bool TryRestore(SimThread me, int saved) => TryTake(me);
}
