using System.Globalization;
using SimHarness.Simulation;

namespace SimHarness.Threading;

/// <summary>Python's <c>queue.Queue</c>: a FIFO queue, bounded by <see cref="Maxsize"/> when positive, with task tracking.</summary>
/// <typeparam name="T">The items' type.</typeparam>
/// <remarks>
/// Follows CPython's implementation, each attempt one step: <c>put</c> and <c>get</c> write the
/// queue, <c>qsize</c>/<c>empty</c>/<c>full</c> read it, <c>join</c> registers a wait. A put wakes the
/// first queued getter and a get the first queued putter; the woken thread checks again (another
/// may have taken the item or the slot first) and queues again at the back if it lost. A timed
/// put or get checks the time before every wait: zero fails at once, raising <see cref="Full"/> or
/// <see cref="Empty"/>. The event log shows the queue's length after each put and get.
/// </remarks>
#pragma warning disable CA1711 // Python's name for the type (queue.Queue).
public sealed class Queue<T> : IStateful
#pragma warning restore CA1711
{
    private readonly World _world;
    private readonly int _id;
    private readonly System.Collections.Generic.Queue<T> _items = new();
    private readonly List<Waiter> _getters = [];
    private readonly List<Waiter> _putters = [];
    private readonly List<Waiter> _joiners = [];
    private int _unfinished;

    internal Queue(World world, int id, int maxsize)
    {
        _world = world;
        _id = id;
        Maxsize = maxsize;
        world.Track(this);
    }

    /// <summary>The queue's name in traces (<c>queue#5</c>).</summary>
    public string Name => _world.ObjectName(_id);

    /// <summary>The bound; zero or negative means unbounded.</summary>
    public int Maxsize { get; }

    /// <summary>Puts <paramref name="item"/> at the back, waiting while the queue is full.</summary>
    /// <param name="item">The item.</param>
    /// <param name="block">False raises <see cref="Full"/> at once when full.</param>
    /// <param name="timeout">Seconds to wait at most; null waits forever.</param>
    /// <exception cref="Full">The queue stayed full.</exception>
    /// <exception cref="ValueError">A negative timeout on a bounded queue.</exception>
    public async Task PutAsync(T item, bool block = true, decimal? timeout = null)
    {
        if (Maxsize > 0 && block && timeout < 0)
        {
            throw new ValueError("'timeout' must be a non-negative number");
        }

        var me = _world.CurrentThread;
        // The deadline counts from the call: a thread waits at its gate while the queue is full.
        var deadline = timeout is { } t ? Deadline.After(_world, Deadline.ToMicros(t)) : default;
        var guard = block ? new StepGuard(() => !IsAtBound, deadline.At, $"put {Name}") : null;
        await StepAsync(me, "put", guard);
        Waiter? mine = null;
        while (true)
        {
            using (_world.Atomic())
            {
                Leave(_putters, mine);
                if (!IsAtBound)
                {
                    if (!HasValueText(item))
                    {
                        // The digest sees items through their text: an item without one cannot be told apart.
                        _world.Untracked();
                    }

                    _items.Enqueue(item);
                    _unfinished++;
                    NotifyOne(_getters);
                    _world.Record(me, "put", _id, Length(), null, resultObserved: false);
                    return;
                }

                mine = WaitOrFail(me, block, deadline, _putters, "put", nameof(Full));
                if (mine is null)
                {
                    throw new Full();
                }
            }

            await World.AwaitWakeAsync(mine);
            await StepAsync(me, "put", guard);
        }
    }

    /// <summary>Removes and returns the front item, waiting while the queue is empty.</summary>
    /// <param name="block">False raises <see cref="Empty"/> at once when empty.</param>
    /// <param name="timeout">Seconds to wait at most; null waits forever.</param>
    /// <exception cref="Empty">The queue stayed empty.</exception>
    /// <exception cref="ValueError">A negative timeout.</exception>
    public async Task<T> GetAsync(bool block = true, decimal? timeout = null)
    {
        if (block && timeout < 0)
        {
            throw new ValueError("'timeout' must be a non-negative number");
        }

        var me = _world.CurrentThread;
        // The deadline counts from the call: a thread waits at its gate while the queue is empty.
        var deadline = timeout is { } t ? Deadline.After(_world, Deadline.ToMicros(t)) : default;
        var guard = block ? new StepGuard(() => _items.Count > 0, deadline.At, $"get {Name}") : null;
        await StepAsync(me, "get", guard);
        Waiter? mine = null;
        while (true)
        {
            using (_world.Atomic())
            {
                Leave(_getters, mine);
                if (_items.Count > 0)
                {
                    var item = _items.Dequeue();
                    NotifyOne(_putters);
                    _world.Record(me, "get", _id, Length(), null, resultObserved: false);
                    _world.Observe(me, "item", _id, ItemText(item), null);
                    return item;
                }

                mine = WaitOrFail(me, block, deadline, _getters, "get", nameof(Empty));
                if (mine is null)
                {
                    throw new Empty();
                }
            }

            await World.AwaitWakeAsync(mine);
            await StepAsync(me, "get", guard);
        }
    }

    /// <summary>Python's <c>put_nowait</c>: <see cref="PutAsync"/> without blocking.</summary>
    public Task PutNowaitAsync(T item) => PutAsync(item, block: false);

    /// <summary>Python's <c>get_nowait</c>: <see cref="GetAsync"/> without blocking.</summary>
    public Task<T> GetNowaitAsync() => GetAsync(block: false);

    /// <summary>Python's <c>qsize()</c>: the number of items (a step that reads the queue).</summary>
    public Task<int> QsizeAsync() => ReadAsync("qsize", () => _items.Count);

    /// <summary>Python's <c>empty()</c>.</summary>
    public Task<bool> IsEmptyAsync() => ReadAsync("empty", () => _items.Count == 0);

    /// <summary>Python's <c>full()</c>: true when bounded and at the bound.</summary>
    public Task<bool> IsFullAsync() => ReadAsync("full", () => Maxsize > 0 && _items.Count >= Maxsize);

    /// <summary>Marks one fetched item as processed; the last one wakes every <see cref="JoinAsync"/>.</summary>
    /// <exception cref="ValueError">More calls than items put.</exception>
    public async Task TaskDoneAsync()
    {
        var me = _world.CurrentThread;
        await _world.StepAsync(me, new Access(_id, AccessKind.Write, "task_done"));
        using var _ = _world.Atomic();
        if (_unfinished <= 0)
        {
            _world.Record(me, "task_done", _id, nameof(ValueError), null);
            throw new ValueError("task_done() called too many times");
        }

        if (--_unfinished == 0)
        {
            foreach (var w in _joiners)
            {
                _world.Wake(w, WakeReason.Signaled);
            }

            _joiners.Clear();
        }

        _world.Record(me, "task_done", _id, _unfinished.ToString(CultureInfo.InvariantCulture), null);
    }

    /// <summary>Waits until every item put has been marked done by <see cref="TaskDoneAsync"/>.</summary>
    public async Task JoinAsync()
    {
        var me = _world.CurrentThread;
        var guard = new StepGuard(() => _unfinished == 0, -1, $"join {Name}");
        while (true)
        {
            await _world.StepAsync(me, new Access(_id, AccessKind.Wait, "join"), guard);
            Waiter w;
            using (_world.Atomic())
            {
                if (_unfinished == 0)
                {
                    _world.Record(me, "join", _id, "done", null);
                    return;
                }

                _world.Record(me, "join", _id, "blocked", null);
                w = _world.Block(me, _id, $"join {Name}", -1);
                _joiners.Add(w);
            }

            await World.AwaitWakeAsync(w);
        }
    }

    private async Task<TResult> ReadAsync<TResult>(string op, Func<TResult> read)
    {
        var me = _world.CurrentThread;
        await _world.StepAsync(me, new Access(_id, AccessKind.Read, op));
        using var _ = _world.Atomic();
        var value = read();
        _world.Record(me, op, _id, Convert.ToString(value, CultureInfo.InvariantCulture), null);
        return value;
    }

    /// <summary>Queues the caller to wait, or returns null when it must fail now (non-blocking, or the deadline passed).</summary>
    private Waiter? WaitOrFail(SimThread me, bool block, Deadline deadline, List<Waiter> queue, string op, string failure)
    {
        var remaining = deadline.Remaining(_world);
        if (!block || (deadline.IsSet && remaining <= 0))
        {
            _world.Record(me, op, _id, failure, null);
            return null;
        }

        _world.Record(me, op, _id, "blocked", null);
        var w = _world.Block(me, _id, $"{op} {Name}", remaining);
        queue.Add(w);
        return w;
    }

    /// <summary>A woken waiter leaves its queue (it is still there if its timeout, not a notify, woke it).</summary>
    private static void Leave(List<Waiter> queue, Waiter? w)
    {
        if (w is not null)
        {
            queue.Remove(w);
        }
    }

    private void NotifyOne(List<Waiter> queue)
    {
        if (queue.Count > 0)
        {
            _world.Wake(queue[0], WakeReason.Signaled);
            queue.RemoveAt(0);
        }
    }

    private bool IsAtBound => Maxsize > 0 && _items.Count >= Maxsize;

    private StepGate StepAsync(SimThread me, string op, StepGuard? guard) =>
        guard is null
            ? _world.StepAsync(me, new Access(_id, AccessKind.Write, op))
            : _world.StepAsync(me, new Access(_id, AccessKind.Write, op), guard);

    private string Length() => "len=" + _items.Count.ToString(CultureInfo.InvariantCulture);

    void IStateful.WriteState(StateWriter state)
    {
        state.Add(_id).Add(Maxsize).Add(_unfinished).Add(_items.Count);
        foreach (var item in _items)
        {
            state.Add(ItemText(item));
        }

        World.WriteWaiters(state, _getters);
        World.WriteWaiters(state, _putters);
        World.WriteWaiters(state, _joiners);
    }

    private static bool HasValueText(T item) => item is null || item.GetType().IsPrimitive || item is string or decimal || ItemText(item) != item.GetType().ToString();

    /// <summary>An item's text for the state digest and the taker's observation (records print all their fields).</summary>
    private static string ItemText(T item) => Convert.ToString(item, CultureInfo.InvariantCulture) ?? "null";
}
