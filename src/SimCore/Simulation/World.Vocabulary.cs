using SimHarness.Threading;

namespace SimHarness.Simulation;

/// <summary>Factories of Python's <c>threading</c> and <c>queue</c> vocabulary (src/SimCore/Threading).</summary>
/// <remarks>Creating a primitive touches nothing shared and is not a step; creating a timer creates a thread, which is.</remarks>
internal sealed partial class World
{
    public Threading.Lock NewLock(string? name = null) => new(this, NewObjectId(name ?? "lock"));

    public RLock NewRLock(string? name = null) => new(this, NewObjectId(name ?? "rlock"));

    public Condition NewCondition(LockBase? lockObject = null, string? name = null) =>
        new(this, NewObjectId(name ?? "condition"), lockObject ?? NewRLock());

    public Threading.Semaphore NewSemaphore(int value = 1, string? name = null) =>
        new(this, NewObjectId(name ?? "semaphore"), value);

    public BoundedSemaphore NewBoundedSemaphore(int value = 1, string? name = null) =>
        new(this, NewObjectId(name ?? "semaphore"), value);

    public Threading.Queue<T> NewQueue<T>(int maxsize = 0, string? name = null) => new(this, NewObjectId(name ?? "queue"), maxsize);

    public Threading.Barrier NewBarrier(int parties, Func<Task>? action = null, decimal? timeout = null, string? name = null) =>
        new(this, NewObjectId(name ?? "barrier"), parties, action, timeout);

    public SharedValue<T> NewValue<T>(T initial, string? name = null) => new(this, NewObjectId(name ?? "value"), initial);

    public async Task<Threading.Timer> CreateTimerAsync(decimal interval, Func<Task> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Threading.Timer? timer = null;
        var thread = await CreateUnnamedTargetThreadAsync(() => timer!.RunAsync());
        timer = new Threading.Timer(thread, NewEvent(), interval, function);
        return timer;
    }

    /// <summary>
    /// A thread created as CPython's <c>Thread()</c> without a target names it (<c>Thread-N</c>, no
    /// suffix) and daemon as its creator: what <see cref="CreateThreadAsync"/> does otherwise.
    /// </summary>
    private async Task<SimThread> CreateUnnamedTargetThreadAsync(Func<Task> body)
    {
        var me = CurrentThread;
        await StepAsync(me, new Access(ThreadCounterObjectId, AccessKind.Write, "create"));
        using var _ = Atomic();
        var name = $"Thread-{++_threadCounter}";
        var t = new SimThread(this, _threads.Count, NewObjectId(name + "#"), name, body, me.IsDaemon);
        _objectNames[t.ObjectId] = name;
        _threads.Add(t);
        Record(me, "create", ThreadCounterObjectId, name, null);
        return t;
    }
}
