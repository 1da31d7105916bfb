using SimHarness.Simulation;

namespace SimHarness.Threading;

/// <summary>Python's <c>threading.Condition</c>: wait for a notification while releasing a lock (an <see cref="RLock"/> by default).</summary>
/// <remarks>
/// Follows CPython's implementation: <see cref="WaitAsync"/> queues the caller, releases the lock
/// entirely and, once notified or timed out, re-acquires it (a step per attempt) before returning
/// whether it was notified. <see cref="NotifyAsync"/> wakes the first <c>n</c> queued waiters in
/// the order they queued; a waiter whose timeout has passed stays queued until it holds the lock
/// again, and a notify that reaches it first is spent on it, as in CPython. Calling wait or notify
/// without the lock raises <see cref="RuntimeError"/> (for a plain <see cref="Lock"/>, "the lock is
/// held by someone" counts, as CPython's fallback does). For reduction every condition step writes
/// the lock: waits and notifies are serialized by it anyway, and that keeps the declaration sound
/// for a plain lock, which any thread may release.
/// </remarks>
public sealed class Condition : IStateful
{
    private readonly World _world;
    private readonly int _id;
    private readonly List<Waiter> _waiters = [];

    internal Condition(World world, int id, LockBase lockObject)
    {
        _world = world;
        _id = id;
        Lock = lockObject;
        world.Track(this);
    }

    /// <summary>The condition's name in traces (<c>condition#3</c>).</summary>
    public string Name => _world.ObjectName(_id);

    /// <summary>The underlying lock.</summary>
    public LockBase Lock { get; }

    /// <summary>Acquires the underlying lock (Python's <c>with cond:</c> enters with it).</summary>
    public Task<bool> AcquireAsync(bool blocking = true, decimal? timeout = null) => Lock.AcquireAsync(blocking, timeout);

    /// <summary>Releases the underlying lock.</summary>
    public Task ReleaseAsync() => Lock.ReleaseAsync();

    /// <summary>Releases the lock, waits for a notify or the timeout, re-acquires the lock; returns false when it timed out.</summary>
    /// <param name="timeout">Seconds to wait at most; null waits forever; zero or negative does not block (but still releases and re-acquires the lock).</param>
    /// <exception cref="RuntimeError">The caller does not hold the lock.</exception>
    public async Task<bool> WaitAsync(decimal? timeout = null)
    {
        var me = _world.CurrentThread;
        await _world.StepAsync(me, new Access(Lock.Id, AccessKind.Write, "wait"));
        Waiter w;
        int saved;
        var blocked = false;
        using (_world.Atomic())
        {
            if (!Lock.IsOwnedBy(me))
            {
                _world.Record(me, "wait", _id, nameof(RuntimeError), null);
                throw new RuntimeError("cannot wait on un-acquired lock");
            }

            saved = Lock.ReleaseAll(me);
            var micros = timeout is { } t ? Deadline.ToMicros(t) : -1;
            if (timeout is not null && micros <= 0)
            {
                // CPython's waiter.acquire(False): queued, not blocked; it leaves the queue on re-acquire.
                w = new Waiter(me, _id, $"wait {Name}", -1, -1);
                w.Complete(WakeReason.TimedOut);
                _world.Record(me, "wait", _id, "false", null);
            }
            else
            {
                _world.Record(me, "wait", _id, "blocked", null);
                w = _world.Block(me, _id, $"wait {Name}", micros);
                blocked = true;
            }

            _waiters.Add(w);
        }

        var notified = blocked && await World.AwaitWakeAsync(w) == WakeReason.Signaled;
        await Lock.RestoreAsync(me, saved, () => _waiters.Remove(w));
        return notified;
    }

    /// <summary>Python's <c>wait_for</c>: waits until <paramref name="predicate"/> holds or the timeout passes; returns the predicate's last value.</summary>
    /// <param name="predicate">Evaluated with the lock held (local computation over state the lock guards; not a step).</param>
    /// <param name="timeout">Seconds to wait at most in total; null waits forever.</param>
    public async Task<bool> WaitForAsync(Func<bool> predicate, decimal? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        long? end = null;
        var wait = timeout;
        var result = predicate();
        while (!result)
        {
            if (wait is { } w)
            {
                if (end is null)
                {
                    end = _world.NowMicros + Deadline.ToMicros(w);
                }
                else
                {
                    wait = (end.Value - _world.NowMicros) / 1_000_000m;
                    if (wait <= 0)
                    {
                        break;
                    }
                }
            }

            await WaitAsync(wait);
            result = predicate();
        }

        return result;
    }

    /// <summary>Wakes at most <paramref name="n"/> waiters, in the order they queued.</summary>
    /// <exception cref="RuntimeError">The caller does not hold the lock.</exception>
    public Task NotifyAsync(int n = 1) => NotifyCoreAsync(n, "notify");

    /// <summary>Wakes every waiter.</summary>
    /// <exception cref="RuntimeError">The caller does not hold the lock.</exception>
    public Task NotifyAllAsync() => NotifyCoreAsync(null, "notify_all");

    private async Task NotifyCoreAsync(int? n, string op)
    {
        var me = _world.CurrentThread;
        await _world.StepAsync(me, new Access(Lock.Id, AccessKind.Write, op));
        using var _ = _world.Atomic();
        if (!Lock.IsOwnedBy(me))
        {
            _world.Record(me, op, _id, nameof(RuntimeError), null);
            throw new RuntimeError("cannot notify on un-acquired lock");
        }

        var count = Math.Min(n ?? _waiters.Count, _waiters.Count);
        for (var i = 0; i < count; i++)
        {
            _world.Wake(_waiters[i], WakeReason.Signaled);
        }

        _waiters.RemoveRange(0, Math.Max(0, count));
        _world.Record(me, op, _id, count.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
    }

    void IStateful.WriteState(StateWriter state)
    {
        state.Add(_id);
        World.WriteWaiters(state, _waiters);
    }
}
