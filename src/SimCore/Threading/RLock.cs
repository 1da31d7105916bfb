using SimHarness.Simulation;

namespace SimHarness.Threading;

/// <summary>Python's <c>threading.RLock</c>: a recursive lock that only its owner may release.</summary>
/// <remarks>
/// The owner may acquire it again without blocking; each acquire needs its release. A release by
/// any other thread raises <see cref="RuntimeError"/> <c>cannot release un-acquired lock</c>.
/// </remarks>
public sealed class RLock : LockBase
{
    private SimThread? _owner;
    private int _count;

    internal RLock(World world, int id)
        : base(world, id)
    {
    }

    internal override bool CanTake(SimThread me) => _owner is null || ReferenceEquals(_owner, me);

    private protected override void WriteOwner(StateWriter state) => state.Add(_owner?.Id ?? -1).Add(_count);

    internal override bool TryTake(SimThread me)
    {
        if (_owner is null)
        {
            _owner = me;
            _count = 1;
            return true;
        }

        if (ReferenceEquals(_owner, me))
        {
            _count++;
            return true;
        }

        return false;
    }

    internal override string? ReleaseError(SimThread me) => ReferenceEquals(_owner, me) ? null : "cannot release un-acquired lock";

    internal override bool ReleaseOnce(SimThread me)
    {
        if (--_count > 0)
        {
            return false;
        }

        _owner = null;
        return true;
    }

    internal override bool IsOwnedBy(SimThread me) => ReferenceEquals(_owner, me);

    internal override int ReleaseAll(SimThread me)
    {
        var saved = _count;
        _owner = null;
        _count = 0;
        WakeWaiters();
        return saved;
    }

    internal override bool TryRestore(SimThread me, int saved)
    {
        if (_owner is not null)
        {
            return false;
        }

        _owner = me;
        _count = saved;
        return true;
    }
}
