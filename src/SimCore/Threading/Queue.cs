using System.Globalization;
using SimHarness.Simulation;

namespace SimHarness.Threading;

/// <summary>Python's <c>queue.Queue</c>: a FIFO queue, bounded by <see cref="Maxsize"/> when positive, with task tracking; subclass it as CPython's <c>queue</c> module does.</summary>
/// <typeparam name="T">The items' type.</typeparam>
/// <remarks>
/// Follows CPython's implementation, each attempt one step: <c>put</c> and <c>get</c> write the
/// queue, <c>qsize</c>/<c>empty</c>/<c>full</c> read it, <c>join</c> registers a wait. A put wakes the
/// first queued getter and a get the first queued putter; the woken thread checks again (another
/// may have taken the item or the slot first) and queues again at the back if it lost. A timed
/// put or get checks the time before every wait: zero fails at once, raising <see cref="Full"/> or
/// <see cref="Empty"/>. The event log shows the queue's length after each put and get.
/// As in CPython, the storage is four overridable hooks (<c>_init</c>, <c>_qsize</c>, <c>_put</c>,
/// <c>_get</c>): <see cref="LifoQueue{T}"/> and <see cref="PriorityQueue{T}"/> override them, and so
/// may a scenario's own subclass. The hooks run inside the calling step, under the world's lock:
/// they are local computation over the subclass's own fields (no awaits, no other steps).
/// </remarks>
#pragma warning disable CA1711 // Python's name for the type (queue.Queue).
public partial class Queue<T> : IStateful
#pragma warning restore CA1711
{
    private readonly World _world;
    private readonly int _id;
    private readonly List<Waiter> _getters = [];
    private readonly List<Waiter> _putters = [];
    private readonly List<Waiter> _joiners = [];
    private System.Collections.Generic.Queue<T>? _fifo;
    private int _unfinished;

    /// <summary>Python's <c>queue.Queue(maxsize)</c> (or a subclass's <c>super().__init__(maxsize)</c>); not a step.</summary>
    /// <param name="sim">The world the queue lives in.</param>
    /// <param name="maxsize">The bound; zero or negative is unbounded.</param>
    /// <param name="name">The name in traces; by default the class's, numbered (<c>queue#5</c>, <c>lifoqueue#6</c>).</param>
    public Queue(ISim sim, int maxsize = 0, string? name = null)
    {
        _world = World.Of(sim);
        _id = _world.NewObjectId(name ?? KindOf(GetType()));
        Maxsize = maxsize;
#pragma warning disable CA2214 // CPython's __init__ calls self._init(maxsize) too: a subclass's storage is made there.
        Init(maxsize);
#pragma warning restore CA2214
        var kind = GetType();
        if (kind == typeof(Queue<T>) || kind == typeof(LifoQueue<T>) || kind == typeof(PriorityQueue<T>))
        {
            _world.Track(this);
        }
        else
        {
            // A scenario's own subclass keeps its items in its own storage, which the state digest cannot see.
            _world.Untracked();
        }
    }

    /// <summary>The queue's name in traces (<c>queue#5</c>).</summary>
    public string Name => _world.ObjectName(_id);

    /// <summary>Python's <c>maxsize</c>: the bound, zero or negative for none (reading it is not a step; change it with <see cref="SetMaxsizeAsync"/>).</summary>
    public int Maxsize { get; private set; }

    /// <summary>Python's <c>q.maxsize = n</c> (a step that writes the queue). As in CPython, nobody is woken: a blocked put sees the new bound when a get wakes it.</summary>
    public async Task SetMaxsizeAsync(int maxsize)
    {
        var me = _world.CurrentThread;
        await _world.StepAsync(me, new Access(_id, AccessKind.Write, "maxsize"));
        using var _ = _world.Atomic();
        Maxsize = maxsize;
        _world.Record(me, "maxsize", _id, maxsize.ToString(CultureInfo.InvariantCulture), null);
    }

    /// <summary>CPython's <c>_init(maxsize)</c>: makes the storage (a FIFO here).</summary>
    protected virtual void Init(int maxsize) => _fifo = new();

    /// <summary>CPython's <c>_qsize()</c>: how many items the storage holds.</summary>
    protected virtual int QsizeCore() => Fifo.Count;

    /// <summary>CPython's <c>_put(item)</c>: stores an item (the bound is already checked).</summary>
    protected virtual void PutCore(T item) => Fifo.Enqueue(item);

    /// <summary>CPython's <c>_get()</c>: removes and returns the next item (the storage is not empty).</summary>
    protected virtual T GetCore() => Fifo.Dequeue();

    /// <summary>The items in their storage's order, for the state digest (the harness's own queue kinds override it).</summary>
    private protected virtual IReadOnlyCollection<T> StoredItems => Fifo;

    private System.Collections.Generic.Queue<T> Fifo => _fifo ?? throw new InvalidOperationException("a Queue subclass that overrides Init must override QsizeCore, PutCore and GetCore too");

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
        var guard = block && !Timeouts.Overflows(timeout) ? new StepGuard(() => !IsAtBound, deadline.At, $"put {Name}") : null;
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

                    PutCore(item);
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
        var guard = block && !Timeouts.Overflows(timeout) ? new StepGuard(() => QsizeCore() > 0, deadline.At, $"get {Name}") : null;
        await StepAsync(me, "get", guard);
        Waiter? mine = null;
        while (true)
        {
            using (_world.Atomic())
            {
                Leave(_getters, mine);
                if (QsizeCore() > 0)
                {
                    var item = GetCore();
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
    public Task<int> QsizeAsync() => ReadAsync("qsize", QsizeCore);

    /// <summary>Python's <c>empty()</c>.</summary>
    public Task<bool> IsEmptyAsync() => ReadAsync("empty", () => QsizeCore() == 0);

    /// <summary>Python's <c>full()</c>: true when bounded and at the bound.</summary>
    public Task<bool> IsFullAsync() => ReadAsync("full", () => Maxsize > 0 && QsizeCore() >= Maxsize);

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

        // CPython's not_full/not_empty.wait(remaining) raises here for a timeout beyond its clock.
        Timeouts.CheckBlocking(remaining);
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

    private bool IsAtBound => Maxsize > 0 && QsizeCore() >= Maxsize;

    private StepGate StepAsync(SimThread me, string op, StepGuard? guard) =>
        guard is null
            ? _world.StepAsync(me, new Access(_id, AccessKind.Write, op))
            : _world.StepAsync(me, new Access(_id, AccessKind.Write, op), guard);


    void IStateful.WriteState(StateWriter state)
    {
        var items = StoredItems;
        state.Add(_id).Add(Maxsize).Add(_unfinished).Add(items.Count);
        foreach (var item in items)
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

    private string Length() => "len=" + QsizeCore().ToString(CultureInfo.InvariantCulture);

    /// <summary>The trace name of a queue class: <c>Queue`1</c> is <c>queue</c>, <c>LifoQueue`1</c> <c>lifoqueue</c>.</summary>
    private static string KindOf(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return (tick < 0 ? name : name[..tick]).ToLowerInvariant();
    }
}
