namespace SimHarness.Simulation;

/// <summary>Virtual time: an integer number of microseconds that moves only when nothing can run.</summary>
/// <remarks>
/// Waiters are ordered by (deadline, arming order). When the world finds no runnable thread it asks
/// for <see cref="AdvanceToNext"/>: time jumps to the earliest deadline and every waiter due at that
/// instant fires at once. Whether their threads then run in arming order (gevent) or in every order
/// (threads, rule 4 of docs/semantics.md) is the scheduler's business, not the clock's.
/// </remarks>
internal sealed class VirtualClock
{
    private readonly PriorityQueue<Waiter, (long Deadline, long Sequence)> _timers = new();

    public long NowMicros { get; private set; }

    /// <summary>Armed waiters not yet fired or woken otherwise.</summary>
    public bool HasPending
    {
        get
        {
            DropDone();
            return _timers.Count > 0;
        }
    }

    public void Arm(Waiter waiter) => _timers.Enqueue(waiter, (waiter.Deadline, waiter.Sequence));

    /// <summary>Jumps to the earliest pending deadline and returns every waiter due then, in arming order.</summary>
    public List<Waiter> AdvanceToNext()
    {
        DropDone();
        var due = new List<Waiter>();
        if (_timers.Count == 0)
        {
            return due;
        }

        var next = _timers.Peek().Deadline;
        // Time never goes back: a deadline in the past (armed with zero delay) fires now.
        NowMicros = Math.Max(NowMicros, next);
        while (_timers.TryPeek(out var w, out var key) && key.Deadline == next)
        {
            _timers.Dequeue();
            if (!w.Done)
            {
                due.Add(w);
            }
        }

        return due;
    }

    /// <summary>The earliest armed deadline, or -1 when no timer is armed.</summary>
    public long NextDeadline
    {
        get
        {
            DropDone();
            return _timers.TryPeek(out _, out var key) ? key.Deadline : -1;
        }
    }

    /// <summary>Moves time forward to <paramref name="micros"/> without firing anything (a guarded step's deadline).</summary>
    public void AdvanceTo(long micros) => NowMicros = Math.Max(NowMicros, micros);

    private void DropDone()
    {
        while (_timers.TryPeek(out var w, out _) && w.Done)
        {
            _timers.Dequeue();
        }
    }
}
