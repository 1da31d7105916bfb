using SimHarness.Simulation;

namespace SimHarness;

/// <summary>Python's <c>threading.Event</c>: a flag threads set, clear, test and wait on.</summary>
/// <remarks>
/// Every operation is one step (rules 1 and 5 of docs/semantics.md). <see cref="WaitAsync"/> returns true at
/// once if the flag is set, true when woken by <see cref="SetAsync"/>, false when woken by its
/// timeout, even if a set runs before the waiter resumes. <see cref="SetAsync"/> wakes every waiter;
/// <see cref="ClearAsync"/> wakes none. For reduction, <c>is_set</c> reads the event, registering a
/// wait conflicts only with <c>set</c> and <c>clear</c>, and <c>set</c>/<c>clear</c> write it.
/// </remarks>
public sealed class Event : IStateful
{
    private readonly World _world;
    private readonly int _id;
    private readonly List<Waiter> _waiters = [];
    private bool _flag;

    internal Event(World world, int id)
    {
        _world = world;
        _id = id;
        world.Track(this);
    }

    // What a blocked waiter waits on (the deadlock report), formatted once: the name never changes.
    private string? _waitWhat;

    /// <summary>The event's name in traces (<c>event#2</c>).</summary>
    public string Name => _world.ObjectName(_id);

    /// <summary>Sets the flag and wakes every waiter.</summary>
    public async Task SetAsync()
    {
        var me = _world.CurrentThread;
        await _world.StepAsync(me, new Access(_id, AccessKind.Write, "set"));
        using var _ = _world.Atomic();
        _flag = true;
        _world.Record(me, "set", _id, null, null);
        foreach (var w in _waiters)
        {
            _world.Wake(w, WakeReason.Signaled);
        }

        _waiters.Clear();
    }

    /// <summary>Clears the flag; wakes nobody.</summary>
    public async Task ClearAsync()
    {
        var me = _world.CurrentThread;
        await _world.StepAsync(me, new Access(_id, AccessKind.Write, "clear"));
        using var _ = _world.Atomic();
        _flag = false;
        _world.Record(me, "clear", _id, null, null);
    }

    /// <summary>Returns whether the flag is set.</summary>
    public async Task<bool> IsSetAsync()
    {
        var me = _world.CurrentThread;
        await _world.StepAsync(me, new Access(_id, AccessKind.Read, "is_set"));
        using var _ = _world.Atomic();
        _world.Record(me, "is_set", _id, _flag ? "true" : "false", null);
        return _flag;
    }

    /// <summary>Blocks until the flag is set or <paramref name="timeoutSeconds"/> passes; returns the flag as Python does.</summary>
    /// <param name="timeoutSeconds">Seconds to wait at most; null waits forever; zero or negative never blocks.</param>
    public async Task<bool> WaitAsync(decimal? timeoutSeconds = null)
    {
        var me = _world.CurrentThread;
        await _world.StepAsync(me, new Access(_id, AccessKind.Wait, "wait"));
        Waiter w;
        using (_world.Atomic())
        {
            if (_flag)
            {
                _world.Record(me, "wait", _id, "true", null);
                return true;
            }

            if (timeoutSeconds is { } t && t <= 0)
            {
                _world.Record(me, "wait", _id, "false", null);
                return false;
            }

            var micros = timeoutSeconds is { } s ? World.ToMicros(s, nameof(timeoutSeconds)) : -1;
            _world.Record(me, "wait", _id, "blocked", null);
            _waiters.RemoveAll(x => x.Done);
            w = _world.Block(me, _id, _waitWhat ??= $"wait {Name}", micros);
            _waiters.Add(w);
        }

        return await World.AwaitWakeAsync(w) == WakeReason.Signaled;
    }

    void IStateful.WriteState(StateWriter state)
    {
        state.Add(_id).Add(_flag);
        World.WriteWaiters(state, _waiters);
    }
}
