using System.Text;

namespace SimHarness.Simulation;

internal sealed partial class World
{
    /// <summary>Marks <paramref name="t"/> blocked on an object, optionally until a timeout; then settles the world.</summary>
    /// <param name="t">The thread that blocks (always the one taking the step).</param>
    /// <param name="objectId">What it waits on, for the deadlock report.</param>
    /// <param name="what">A readable description: <c>wait event#2</c>, <c>sleep(3)</c>.</param>
    /// <param name="timeoutMicros">Timeout in microseconds, or -1 for none.</param>
    internal Waiter Block(SimThread t, int objectId, string what, long timeoutMicros)
    {
        var deadline = timeoutMicros < 0 ? -1 : NowMicros + timeoutMicros;
        var w = new Waiter(t, objectId, what, deadline, _timerSequence++);
        t.Status = ThreadStatus.Blocked;
        t.BlockedOn = w;
        _runnable--;
        if (timeoutMicros >= 0)
        {
            if (_isVirtual)
            {
                _clock.Arm(w);
            }
            else
            {
                _pendingRealTimers++;
                _runtime.ArmRealTimer(w, timeoutMicros);
            }
        }

        Settle();
        return w;
    }

    /// <summary>Makes a blocked thread runnable again; a waiter is woken once, whoever comes first.</summary>
    internal void Wake(Waiter w, WakeReason reason)
    {
        if (w.Done)
        {
            return;
        }

        if (w.Deadline >= 0 && !_isVirtual)
        {
            _pendingRealTimers--;
        }

        var t = w.Thread;
        t.Status = ThreadStatus.Runnable;
        t.BlockedOn = null;
        _runnable++;
        if (reason == WakeReason.Signaled && TrackWakes)
        {
            WokenByStep.Add(t);
        }

        Record(t, "wake", w.ObjectId, reason == WakeReason.Signaled ? "signaled" : "timeout", null);
        w.Complete(reason);
    }

    /// <summary>Called by the real backend's timer thread when a deadline passes.</summary>
    internal void OnRealTimer(Waiter w)
    {
        using var _ = Atomic();
        if (!Ended)
        {
            Wake(w, WakeReason.TimedOut);
        }
    }

    /// <summary>Awaits a wake-up; a run that ended meanwhile unwinds the thread.</summary>
    /// <remarks>
    /// The built-in scheduler never wakes a waiter <see cref="WakeReason.Killed"/> (it abandons a run
    /// that ended instead of unwinding its threads: <see cref="KillBlocked"/>), so there the waiter's
    /// own task is the answer, awaited without an async method in between, whose state machine,
    /// continuation delegate and wrapped await every blocking wait paid (BENCHMARKS.md, "A blocking
    /// wait awaits its waiter's task directly").
    /// </remarks>
    internal static Task<WakeReason> AwaitWakeAsync(Waiter w) =>
        w.Thread.World._driver is not null && !w.Task.IsCompleted ? w.Task : AwaitWakeOrUnwindAsync(w);

    private static async Task<WakeReason> AwaitWakeOrUnwindAsync(Waiter w)
    {
        if (w.Task.IsCompleted)
        {
            // The step that blocked this thread also advanced the clock and woke it: queue behind
            // the threads woken with it (arming order) instead of running ahead synchronously.
            await Task.Yield();
        }

        var r = await w.Task;
        return r == WakeReason.Killed ? throw new ThreadKilledException() : r;
    }

    /// <summary>
    /// After a step that blocked or finished a thread: ends the run when main and every non-daemon
    /// thread are done; otherwise, if nothing can run, advances virtual time to the next deadline
    /// (firing every timer due then) or reports a deadlock. This record, not an empty queue, decides.
    /// </summary>
    private void Settle()
    {
        if (Ended)
        {
            return;
        }

        if (_nonDaemonAlive == 0)
        {
            EndRun(completed: true);
            return;
        }

        if (_runnable > 0)
        {
            return;
        }

        if (_isVirtual)
        {
            if (_clock.HasPending)
            {
                FireNextTimers();
                return;
            }
        }
        else if (_pendingRealTimers > 0 || PendingRealIo > 0)
        {
            return;
        }

        Violate("deadlock", DescribeDeadlock());
    }

    /// <summary>
    /// The built-in scheduler found every parked thread's step disabled (<see cref="StepGuard"/>):
    /// advances virtual time to the next timer or guard deadline, whichever comes first, or reports
    /// the deadlock. True when time advanced.
    /// </summary>
    internal bool AdvanceForGuards(IReadOnlyList<SimThread> disabled)
    {
        var next = long.MaxValue;
        foreach (var t in disabled)
        {
            if (t.Guard is { DeadlineMicros: >= 0 } g)
            {
                next = Math.Min(next, g.DeadlineMicros);
            }
        }

        var timer = _clock.NextDeadline;
        if (timer >= 0 && timer <= next)
        {
            FireNextTimers();
            return true;
        }

        if (next != long.MaxValue)
        {
            _clock.AdvanceTo(next);
            RecordTick();
            return true;
        }

        Violate("deadlock", DescribeDeadlock());
        return false;
    }

    private void FireNextTimers()
    {
        var due = _clock.AdvanceToNext();
        RecordTick();
        foreach (var w in due)
        {
            Wake(w, WakeReason.TimedOut);
        }
    }

    private void RecordTick()
    {
        Ticks++;
        _events.Add(new TraceEvent(NowMicros, "", "tick", null, FormatSeconds(NowMicros), null));
    }

    private int _pendingRealTimers;

    /// <summary>Real backend: OS socket operations a hub is waiting on; while any is pending, nothing is deadlocked.</summary>
    internal int PendingRealIo { get; set; }

    /// <summary>Wakes every blocked thread with <see cref="WakeReason.Killed"/> so it unwinds.</summary>
    internal void KillBlocked()
    {
        if (_driver is not null)
        {
            // AwaitWakeAsync hands the built-in scheduler's threads the waiter's task itself, which would read Killed as a wake.
            throw new InvalidOperationException("the built-in scheduler abandons a run that ended; it does not unwind blocked threads");
        }

        foreach (var t in _threads)
        {
            if (t.BlockedOn is { Done: false } w)
            {
                w.Complete(WakeReason.Killed);
            }
        }
    }

    private string DescribeDeadlock()
    {
        var sb = new StringBuilder("deadlock: no thread can run and no timer is armed;");
        foreach (var t in _threads)
        {
            var what = t.Status == ThreadStatus.Blocked ? t.BlockedOn!.What : t.Guard?.What;
            if (what is not null)
            {
                sb.Append(' ').Append(t.Name).Append(" waits on ").Append(what).Append(';');
            }
        }

        return sb.ToString().TrimEnd(';');
    }
}
