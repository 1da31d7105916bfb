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

    public Threading.Queue<T> NewQueue<T>(int maxsize = 0, string? name = null) => new(this, maxsize, name);

    public LifoQueue<T> NewLifoQueue<T>(int maxsize = 0, string? name = null) => new(this, maxsize, name);

    public Threading.PriorityQueue<T> NewPriorityQueue<T>(int maxsize = 0, IComparer<T>? comparer = null, string? name = null) => new(this, maxsize, comparer, name);

    public SimpleQueue<T> NewSimpleQueue<T>(string? name = null) => new(this, name);

    public Threading.Barrier NewBarrier(int parties, Func<Task>? action = null, decimal? timeout = null, string? name = null) =>
        new(this, NewObjectId(name ?? "barrier"), parties, action, timeout);

    public SharedValue<T> NewValue<T>(T initial, string? name = null) => new(this, NewObjectId(name ?? "value"), initial);

    public async Task<Threading.Timer> CreateTimerAsync(decimal interval, Func<Task> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Threading.Timer? timer = null;
        // CPython's Timer passes no target to Thread: Thread-N without a suffix, daemon as its creator.
        var thread = await CreateCoreAsync(new SimThread(), () => timer!.RunAsync(), null, null, null);
        timer = new Threading.Timer(thread, NewEvent(), interval, function);
        return timer;
    }
}
