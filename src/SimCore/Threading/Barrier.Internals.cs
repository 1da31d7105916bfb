using SimHarness.Simulation;

namespace SimHarness.Threading;

/// <summary>The barrier's condition, its lock while an action runs, and the state changes CPython names.</summary>
public sealed partial class Barrier
{
    /// <summary>CPython's <c>_release</c> (after the action): drain, waking every waiter.</summary>
    private void Release()
    {
        _state = BarrierState.Draining;
        NotifyAll();
    }

    /// <summary>CPython's <c>_break</c>.</summary>
    private void Break()
    {
        _state = BarrierState.Broken;
        NotifyAll();
    }

    /// <summary>CPython's <c>finally: _count -= 1; _exit()</c>: the last to leave ends draining or resetting.</summary>
    private void Leave()
    {
        _count--;
        if (_count == 0 && _state is BarrierState.Draining or BarrierState.Resetting)
        {
            _state = BarrierState.Filling;
            NotifyAll();
        }
    }

    private void NotifyAll() => WakeAll(_waiters);

    private void WakeAll(List<Waiter> waiters)
    {
        foreach (var w in waiters)
        {
            _world.Wake(w, WakeReason.Signaled);
        }

        waiters.Clear();
    }

    /// <summary>Queues the caller on the condition; a zero or negative timeout queues it without blocking (CPython's wait(0)).</summary>
    private Waiter CondWait(SimThread me, Arrival a, bool forever, long micros)
    {
        Waiter w;
        if (forever || micros > 0)
        {
            _world.Record(me, "wait", _id, "blocked", null);
            w = _world.Block(me, _id, $"wait {Name}", forever ? -1 : micros);
            a.Blocked = true;
        }
        else
        {
            w = new Waiter(me, _id, $"wait {Name}", -1, -1);
            w.Complete(WakeReason.TimedOut);
            a.Blocked = false;
        }

        _waiters.Add(w);
        a.Entry = w;
        return w;
    }

    /// <summary>Waits for the thread running the action to finish it (CPython's callers wait for the barrier's lock).</summary>
    private Waiter BlockOnLock(SimThread me, Arrival a)
    {
        _world.Record(me, "wait", _id, "blocked", null);
        var w = _world.Block(me, _id, $"wait {Name} (action running in {_actionRunner!.Name})", -1);
        _lockWaiters.Add(w);
        a.Blocked = true;
        return w;
    }

    /// <summary>A step that needs the barrier's lock: waits while another thread runs the action.</summary>
    private async Task LockedAsync(string op, Action change)
    {
        var me = _world.CurrentThread;
        var a = new Arrival(null);
        while (true)
        {
            await _world.StepAsync(me, new Access(_id, AccessKind.Write, op));
            Waiter w;
            using (_world.Atomic())
            {
                if (_actionRunner is null)
                {
                    change();
                    _world.Record(me, op, _id, null, null);
                    return;
                }

                w = BlockOnLock(me, a);
            }

            await World.AwaitWakeAsync(w);
        }
    }

    private async Task<T> ReadAsync<T>(string op, Func<T> read)
    {
        var me = _world.CurrentThread;
        await _world.StepAsync(me, new Access(_id, AccessKind.Read, op));
        using var _ = _world.Atomic();
        var value = read();
        _world.Record(me, op, _id, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), null);
        return value;
    }

    /// <summary>One call of <see cref="WaitAsync"/>: its arrival index, deadline and queue entry across steps.</summary>
    private sealed class Arrival(decimal? timeout)
    {
        public decimal? Timeout { get; } = timeout;

        public int Index { get; set; } = -1;

        public Deadline Deadline { get; set; }

        public Waiter? Entry { get; set; }

        public bool Blocked { get; set; }

        public bool RunsAction { get; set; }
    }
}
