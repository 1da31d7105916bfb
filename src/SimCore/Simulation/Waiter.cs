namespace SimHarness.Simulation;

/// <summary>Why a blocked thread was woken.</summary>
internal enum WakeReason : byte
{
    Signaled,
    TimedOut,
    /// <summary>The run ended while the thread was blocked: it unwinds silently.</summary>
    Killed,
}

/// <summary>One blocked thread: what it waits on, until when, and the task it awaits.</summary>
internal sealed class Waiter(SimThread thread, int objectId, string what, long deadline, long sequence) : ISignalable
{
    private readonly TaskCompletionSource<WakeReason> _tcs = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SimThread Thread { get; } = thread;
    public int ObjectId { get; } = objectId;
    public string What { get; } = what;

    /// <summary>Virtual (or wall) deadline in microseconds, or -1 when the wait has no timeout.</summary>
    public long Deadline { get; } = deadline;

    /// <summary>Arming order: gevent fires equal deadlines in this order.</summary>
    public long Sequence { get; } = sequence;

    public bool Done { get; private set; }
    public Task<WakeReason> Task => _tcs.Task;

    /// <summary>Opaque state of the real backend's timer, so a wake can cancel it.</summary>
    public IDisposable? RealTimer { get; set; }

    public void Signal(World world) => world.Wake(this, WakeReason.Signaled);

    public void WriteIdentity(StateWriter state) => state.Add(Thread.Id).Add(ObjectId).Add(Deadline).Add(Done);

    public void Complete(WakeReason reason)
    {
        Done = true;
        RealTimer?.Dispose();
        _tcs.SetResult(reason);
    }
}
