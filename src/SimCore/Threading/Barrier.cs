using System.Globalization;
using System.Runtime.ExceptionServices;
using SimHarness.Simulation;

namespace SimHarness.Threading;

/// <summary>Python's <c>threading.Barrier</c>: <see cref="Parties"/> threads wait until all have arrived, then all go on.</summary>
/// <remarks>
/// Follows CPython's state machine (filling, draining, resetting, broken) on one condition, each
/// attempt one step that writes the barrier. <see cref="WaitAsync"/> returns the arrival index
/// (0 to parties-1); the last to arrive runs the action first, holding the barrier (other barrier
/// calls wait until it ends, as they wait for CPython's lock). An action that raises breaks the
/// barrier and the exception reaches its caller. A wait that times out breaks the barrier: it and
/// every other waiter get <see cref="BrokenBarrierError"/>, as do later waits until
/// <see cref="ResetAsync"/>. Released threads leave one by one; arrivals meanwhile wait for the
/// barrier to drain, and an abort before a released thread has left breaks it for that thread too.
/// CPython 3.11 accepts <c>parties</c> below one (and then never releases); here that is a
/// <see cref="ValueError"/>, as in later CPython versions.
/// </remarks>
public sealed partial class Barrier : IStateful
{
    private readonly World _world;
    private readonly int _id;
    private readonly Func<Task>? _action;
    private readonly decimal? _timeout;
    private readonly List<Waiter> _waiters = [];
    private readonly List<Waiter> _lockWaiters = [];
    private SimThread? _actionRunner;
    private BarrierState _state;
    private int _count;

    internal Barrier(World world, int id, int parties, Func<Task>? action, decimal? timeout)
    {
        if (parties < 1)
        {
            throw new ValueError("parties must be >= 1");
        }

        _world = world;
        _id = id;
        Parties = parties;
        _action = action;
        _timeout = timeout;
        world.Track(this);
    }

    private enum BarrierState
    {
        Filling,
        Draining,
        Resetting,
        Broken,
    }

    /// <summary>The barrier's name in traces (<c>barrier#6</c>).</summary>
    public string Name => _world.ObjectName(_id);

    /// <summary>The number of threads that must arrive.</summary>
    public int Parties { get; }

    /// <summary>Waits until <see cref="Parties"/> threads have arrived; returns this thread's arrival index.</summary>
    /// <param name="timeout">Seconds to wait at most; null takes the barrier's default (itself null: forever).</param>
    /// <exception cref="BrokenBarrierError">The barrier is or became broken or reset, or this wait timed out.</exception>
    public async Task<int> WaitAsync(decimal? timeout = null)
    {
        var me = _world.CurrentThread;
        var a = new Arrival(timeout ?? _timeout);
        while (true)
        {
            await _world.StepAsync(me, new Access(_id, AccessKind.Write, "wait"));
            Waiter? w;
            using (_world.Atomic())
            {
                if (a.Entry is not null)
                {
                    _waiters.Remove(a.Entry);
                    a.Entry = null;
                }

                w = _actionRunner is not null ? BlockOnLock(me, a) : a.Index < 0 ? Enter(me, a) : Check(me, a);
            }

            if (w is null)
            {
                break;
            }

            if (a.Blocked)
            {
                await World.AwaitWakeAsync(w);
            }
        }

        return a.RunsAction ? await RunActionAsync(me, a.Index) : a.Index;
    }

    /// <summary>Breaks the barrier: every waiter, and every later wait until a reset, gets <see cref="BrokenBarrierError"/>.</summary>
    public Task AbortAsync() => LockedAsync("abort", Break);

    /// <summary>Returns the barrier to its empty state; threads waiting on it get <see cref="BrokenBarrierError"/>.</summary>
    public Task ResetAsync() => LockedAsync("reset", () =>
    {
        if (_count > 0)
        {
            if (_state is BarrierState.Filling or BarrierState.Broken)
            {
                _state = BarrierState.Resetting;
            }
        }
        else
        {
            _state = BarrierState.Filling;
        }

        NotifyAll();
    });

    /// <summary>Python's <c>broken</c>: whether the barrier is broken (a step that reads it).</summary>
    public Task<bool> IsBrokenAsync() => ReadAsync("broken", () => _state == BarrierState.Broken);

    /// <summary>Python's <c>n_waiting</c>: threads waiting for the barrier to fill.</summary>
    public Task<int> NWaitingAsync() => ReadAsync("n_waiting", () => _state == BarrierState.Filling ? _count : 0);

    /// <summary>CPython's <c>_enter</c> and arrival: null when the call is over (or its action must run).</summary>
    private Waiter? Enter(SimThread me, Arrival a)
    {
        if (_state is BarrierState.Draining or BarrierState.Resetting)
        {
            return CondWait(me, a, forever: true, 0);
        }

        if (_state == BarrierState.Broken)
        {
            _world.Record(me, "wait", _id, nameof(BrokenBarrierError), null);
            throw new BrokenBarrierError();
        }

        a.Index = _count++;
        if (a.Index + 1 < Parties)
        {
            return Check(me, a);
        }

        if (_action is not null)
        {
            // CPython runs the action holding the barrier's lock.
            _actionRunner = me;
            a.RunsAction = true;
            _world.Record(me, "wait", _id, Index(a.Index) + " action", null);
            return null;
        }

        Release();
        Leave();
        _world.Record(me, "wait", _id, Index(a.Index), null);
        return null;
    }

    /// <summary>CPython's <c>_wait</c> for an arrival that was not last, one check per step: null when it returns.</summary>
    private Waiter? Check(SimThread me, Arrival a)
    {
        if (_state != BarrierState.Filling)
        {
            // CPython raises on the state it saw, then leaves (its finally), which may end a reset.
            var broken = _state is BarrierState.Broken or BarrierState.Resetting;
            Leave();
            if (broken)
            {
                _world.Record(me, "wait", _id, nameof(BrokenBarrierError), null);
                throw new BrokenBarrierError();
            }

            _world.Record(me, "wait", _id, Index(a.Index), null);
            return null;
        }

        if (a.Timeout is not { } span)
        {
            return CondWait(me, a, forever: true, 0);
        }

        long micros;
        if (!a.Deadline.IsSet)
        {
            // CPython's wait_for waits once before it looks at the time.
            micros = Deadline.ToMicros(span);
            a.Deadline = Deadline.After(_world, micros);
        }
        else if ((micros = a.Deadline.Remaining(_world)) <= 0)
        {
            Break();
            Leave();
            _world.Record(me, "wait", _id, nameof(BrokenBarrierError) + " timeout", null);
            throw new BrokenBarrierError();
        }

        return CondWait(me, a, forever: false, micros);
    }

    /// <summary>The last arrival runs the action, then releases (or, if it raised, breaks) the barrier in one more step.</summary>
    private async Task<int> RunActionAsync(SimThread me, int index)
    {
        Exception? failure = null;
        try
        {
            await _action!();
        }
        catch (Exception ex) when (!ControlFlow.IsControl(ex))
        {
            failure = ex;
        }

        await _world.StepAsync(me, new Access(_id, AccessKind.Write, "release"));
        using (_world.Atomic())
        {
            _actionRunner = null;
            WakeAll(_lockWaiters);
            if (failure is null)
            {
                Release();
            }
            else
            {
                Break();
            }

            Leave();
            _world.Record(me, "release", _id, failure is null ? Index(index) : "action raised", null);
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return index;
    }

    private static string Index(int index) => "index=" + index.ToString(CultureInfo.InvariantCulture);

    void IStateful.WriteState(StateWriter state)
    {
        state.Add(_id).Add((long)_state).Add(_count).Add(_actionRunner?.Id ?? -1);
        World.WriteWaiters(state, _waiters);
        World.WriteWaiters(state, _lockWaiters);
    }
}
