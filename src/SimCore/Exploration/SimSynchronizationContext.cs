namespace SimHarness.Exploration;

/// <summary>The built-in scheduler's single OS thread: continuations queue here and run one at a time.</summary>
/// <remarks>
/// Every simulated thread's code runs on the driver's thread through this context. Because only
/// the thread released from its gate (and threads it woke, up to their next gate) has work queued,
/// draining the queue always ends with every runnable thread parked at a gate.
/// </remarks>
internal sealed class SimSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly int _owner = Environment.CurrentManagedThreadId;
    private volatile bool _foreignPost;

    /// <summary>True once work was posted from another OS thread (code that left the scheduler came back): it is dropped, not run.</summary>
    public bool ForeignPost => _foreignPost;

    public override void Post(SendOrPostCallback d, object? state)
    {
        if (Environment.CurrentManagedThreadId != _owner)
        {
            // The queue belongs to the driver's thread; the executor reports the escape.
            _foreignPost = true;
            return;
        }

        _queue.Enqueue((d, state));
    }

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs queued work until none is left.</summary>
    public void RunUntilIdle()
    {
        while (_queue.TryDequeue(out var item))
        {
            item.Callback(item.State);
        }
    }
}
