namespace SimHarness.Exploration;

/// <summary>The built-in scheduler's single OS thread: continuations queue here and run one at a time.</summary>
/// <remarks>
/// Every simulated thread's code runs on the driver's thread through this queue, under the thread's
/// own <see cref="SimThreadContext"/> (which posts here). Because only
/// the thread released from its gate (and threads it woke, up to their next gate) has work queued,
/// draining the queue always ends with every runnable thread parked at a gate.
/// </remarks>
internal sealed class SimSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State, SynchronizationContext Context)> _queue = new();
    private readonly int _owner = Environment.CurrentManagedThreadId;
    private volatile bool _foreignPost;

    // The context the driver's thread runs under, as this queue last set it (a thread's own, or this).
    private SynchronizationContext _current;

    public SimSynchronizationContext() => _current = this;

    /// <summary>The simulated thread whose code the driver's thread runs now; null while the driver runs its own.</summary>
    /// <remarks>
    /// The same answer as <see cref="SynchronizationContext.Current"/> (a <see cref="SimThreadContext"/>
    /// names its thread), kept in a field because the world asks at every operation, and the
    /// thread-local read costs a call into the runtime's thread-local storage each time.
    /// </remarks>
    public SimThread? Running { get; private set; }

    /// <summary>True once work was posted from another OS thread (code that left the scheduler came back): it is dropped, not run.</summary>
    public bool ForeignPost => _foreignPost;

    public override void Post(SendOrPostCallback d, object? state) => Post(d, state, this);

    /// <summary>Queues work to run under <paramref name="context"/> (a thread's own, or this one).</summary>
    internal void Post(SendOrPostCallback d, object? state, SynchronizationContext context)
    {
        if (Environment.CurrentManagedThreadId != _owner)
        {
            // The queue belongs to the driver's thread; the executor reports the escape.
            _foreignPost = true;
            return;
        }

        _queue.Enqueue((d, state, context));
    }

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs queued work until none is left, each item under the context it was posted to; then the driver's own again.</summary>
    public void RunUntilIdle()
    {
        while (_queue.TryDequeue(out var item))
        {
            Enter(item.Context);
            item.Callback(item.State);
        }

        Enter(this);
    }

    /// <summary>Runs the driver's thread under <paramref name="context"/> from here on: a simulated thread's own, or this queue's.</summary>
    /// <remarks>Must be on the driver's thread, with this queue's context (or one it entered) current.</remarks>
    internal void Enter(SynchronizationContext context)
    {
        if (!ReferenceEquals(context, _current))
        {
            _current = context;
            Running = (context as SimThreadContext)?.Thread;
            SetSynchronizationContext(context);
        }
    }
}
