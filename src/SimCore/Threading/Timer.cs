namespace SimHarness.Threading;

/// <summary>Python's <c>threading.Timer</c>: a thread that runs a function after an interval unless cancelled first.</summary>
/// <remarks>
/// Built as CPython builds it: the thread waits on an internal <see cref="Event"/> for the
/// interval, checks it once more, runs the function if it is still clear, then sets it.
/// <see cref="CancelAsync"/> sets the event, so a cancel that comes after the check is too late,
/// as in CPython. The thread is named <c>Thread-N</c> (Python's Timer passes no target) and is a
/// daemon exactly when its creator is.
/// </remarks>
public sealed class Timer
{
    private readonly Event _finished;
    private readonly Func<Task> _function;

    internal Timer(SimThread thread, Event finished, decimal interval, Func<Task> function)
    {
        Thread = thread;
        _finished = finished;
        Interval = interval;
        _function = function;
    }

    /// <summary>The timer's thread (join it, or set <see cref="SimThread.IsDaemon"/> before starting).</summary>
    public SimThread Thread { get; }

    /// <summary>Seconds the timer waits before running its function.</summary>
    public decimal Interval { get; }

    /// <summary>Starts the timer's thread (a step).</summary>
    public Task StartAsync() => Thread.StartAsync();

    /// <summary>Stops the timer if its function has not started yet (a step: sets the timer's event).</summary>
    public Task CancelAsync() => _finished.SetAsync();

    /// <summary>The timer thread's body, CPython's <c>Timer.run</c>.</summary>
    internal async Task RunAsync()
    {
        await _finished.WaitAsync(Interval);
        if (!await _finished.IsSetAsync())
        {
            await _function();
        }

        await _finished.SetAsync();
    }
}
