using SimHarness.Simulation;

namespace SimHarness.Threading;

/// <summary>Python's <c>threading.Semaphore</c>: a counter that <see cref="AcquireAsync"/> decrements, blocking at zero, and <see cref="ReleaseAsync"/> increments.</summary>
/// <remarks>
/// Follows CPython's implementation on a condition, each attempt one step that writes the
/// semaphore: a release of <c>n</c> wakes the first <c>n</c> queued acquirers, which then check
/// the counter again (a newcomer may take it first; the loser queues again at the back). An
/// acquire with a timeout waits once before it checks the time, so a zero or negative timeout
/// still yields once and may then succeed, as in CPython.
/// </remarks>
public class Semaphore : IStateful
{
    private readonly List<Waiter> _waiters = [];

    internal Semaphore(World world, int id, int value)
    {
        if (value < 0)
        {
            throw new ValueError("semaphore initial value must be >= 0");
        }

        World = world;
        Id = id;
        Value = value;
        InitialValue = value;
        world.Track(this);
    }

    /// <summary>The semaphore's name in traces (<c>semaphore#4</c>).</summary>
    public string Name => World.ObjectName(Id);

    internal World World { get; }

    internal int Id { get; }

    internal int Value { get; private set; }

    internal int InitialValue { get; }

    /// <summary>Decrements the counter, blocking while it is zero; false when non-blocking and zero, or when the timeout passes.</summary>
    /// <param name="blocking">False tries once.</param>
    /// <param name="timeout">Seconds to wait at most; null waits forever.</param>
    /// <exception cref="ValueError">A timeout with <paramref name="blocking"/> false.</exception>
    public async Task<bool> AcquireAsync(bool blocking = true, decimal? timeout = null)
    {
        if (!blocking && timeout is not null)
        {
            throw new ValueError("can't specify timeout for non-blocking acquire");
        }

        var me = World.CurrentThread;
        // The deadline counts from the call: a thread waits at its gate while the counter is zero.
        var deadline = timeout is { } limit ? Deadline.After(World, Deadline.ToMicros(limit)) : default;
        var guard = blocking ? new StepGuard(() => Value > 0, deadline.At, $"acquire {Name}") : null;
        await StepAsync(me, guard);
        Waiter? mine = null;
        while (true)
        {
            var blocked = false;
            using (World.Atomic())
            {
                if (mine is not null)
                {
                    _waiters.Remove(mine);
                }

                if (Value > 0)
                {
                    Value--;
                    World.Record(me, "acquire", Id, "true", null);
                    return true;
                }

                long micros = -1;
                if (deadline.IsSet)
                {
                    micros = Math.Max(0, deadline.Remaining(World));
                    if (micros == 0 && mine is not null)
                    {
                        World.Record(me, "acquire", Id, "false", null);
                        return false;
                    }
                }

                if (!blocking)
                {
                    World.Record(me, "acquire", Id, "false", null);
                    return false;
                }

                mine = Enqueue(me, timeout is null, micros, ref blocked);
            }

            if (blocked)
            {
                await World.AwaitWakeAsync(mine);
            }

            await StepAsync(me, guard);
        }
    }

    private StepGate StepAsync(SimThread me, StepGuard? guard) =>
        guard is null
            ? World.StepAsync(me, new Access(Id, AccessKind.Write, "acquire"))
            : World.StepAsync(me, new Access(Id, AccessKind.Write, "acquire"), guard);

    /// <summary>Increments the counter by <paramref name="n"/> and wakes up to <paramref name="n"/> queued acquirers.</summary>
    /// <exception cref="ValueError"><paramref name="n"/> below one, or (bounded) a release above the initial value.</exception>
    public async Task ReleaseAsync(int n = 1)
    {
        if (n < 1)
        {
            throw new ValueError("n must be one or more");
        }

        var me = World.CurrentThread;
        await World.StepAsync(me, new Access(Id, AccessKind.Write, "release"));
        using var _ = World.Atomic();
        if (IsOverRelease(n))
        {
            World.Record(me, "release", Id, nameof(ValueError), null);
            throw new ValueError("Semaphore released too many times");
        }

        Value += n;
        for (var i = 0; i < n && _waiters.Count > 0; i++)
        {
            World.Wake(_waiters[0], WakeReason.Signaled);
            _waiters.RemoveAt(0);
        }

        World.Record(me, "release", Id, Value.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
    }

    /// <summary>Whether releasing <paramref name="n"/> more breaks the bound (never, for a plain semaphore).</summary>
    private protected virtual bool IsOverRelease(int n) => false;

    private Waiter Enqueue(SimThread me, bool forever, long micros, ref bool blocked)
    {
        Waiter w;
        if (forever || micros > 0)
        {
            World.Record(me, "acquire", Id, "blocked", null);
            w = World.Block(me, Id, $"acquire {Name}", forever ? -1 : micros);
            blocked = true;
        }
        else
        {
            // CPython's cond.wait(0): queued without blocking, checks again at once.
            w = new Waiter(me, Id, $"acquire {Name}", -1, -1);
            w.Complete(WakeReason.TimedOut);
        }

        _waiters.Add(w);
        return w;
    }

    void IStateful.WriteState(StateWriter state)
    {
        state.Add(Id).Add(Value);
        World.WriteWaiters(state, _waiters);
    }
}
