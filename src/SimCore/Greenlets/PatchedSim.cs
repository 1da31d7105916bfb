using SimHarness.Simulation;

namespace SimHarness.Greenlets;

/// <summary>The world after gevent's <c>monkey.patch_all()</c>: code written against <see cref="ISim"/> runs unchanged inside a hub.</summary>
/// <remarks>
/// <see cref="SleepAsync"/> yields to the calling thread's hub; <see cref="CurrentThread"/> is the
/// real thread in its main greenlet and gevent's <c>Dummy-N</c> in any other greenlet, numbered
/// from the world's thread counter when the greenlet first asks. Taking that number is not a step
/// (the property is synchronous), so the reduction treats it as local. Events stay thread events
/// (gevent's patched Event is not modelled) and creating threads is refused.
/// </remarks>
internal sealed class PatchedSim(World world) : ISim
{
    public World World { get; } = world;

    public decimal Now => World.Now;

    public long NowMicros => World.NowMicros;

    public TimeProvider TimeProvider => World.TimeProvider;

    public bool IsSimulated => World.IsSimulated;

    public SimThread CurrentThread
    {
        get
        {
            var gs = World.GreenletsOfCurrent();
            var g = gs.Current;
            return g.IsMain ? gs.Thread : g.DummyThread ??= World.NewDummyThread();
        }
    }

    public SimThread MainThread => World.MainThread;

    public UncaughtExceptions UncaughtExceptions
    {
        get => World.UncaughtExceptions;
        set => World.UncaughtExceptions = value;
    }

    public Func<ExceptHookArgs, Task> Excepthook
    {
        get => World.Excepthook;
        set => World.Excepthook = value;
    }

    public Task<SimThread> CreateThreadAsync(Func<Task> target, string? targetName = null, string? name = null, bool? daemon = null) =>
        throw NoThreads();

    public Task<SimThread> CreateThreadAsync(string? name = null, bool? daemon = null) => throw NoThreads();

    public Task<TThread> CreateThreadAsync<TThread>(Func<TThread> construct, string? name = null, bool? daemon = null)
        where TThread : SimThread => throw NoThreads();

    public int GetIdent() => World.GetIdent();

    public int GetNativeId() => World.GetNativeId();

    public Task<IReadOnlyList<SimThread>> EnumerateAsync() => World.EnumerateAsync();

    public Task<int> ActiveCountAsync() => World.ActiveCountAsync();

    public Task PrintStderrAsync(string text) => World.PrintStderrAsync(text);

    public Threading.Local<T> NewLocal<T>(Func<T>? initial = null) => World.NewLocal(initial);

    public Threading.LifoQueue<T> NewLifoQueue<T>(int maxsize = 0, string? name = null) => World.NewLifoQueue<T>(maxsize, name);

    public Threading.PriorityQueue<T> NewPriorityQueue<T>(int maxsize = 0, IComparer<T>? comparer = null, string? name = null) => World.NewPriorityQueue(maxsize, comparer, name);

    public Threading.SimpleQueue<T> NewSimpleQueue<T>(string? name = null) => World.NewSimpleQueue<T>(name);

    public Event NewEvent(string? name = null) => World.NewEvent(name);

    // Like Event, the threading vocabulary stays thread-level (gevent's patched versions are not modelled).
    public Threading.Lock NewLock(string? name = null) => World.NewLock(name);

    public Threading.RLock NewRLock(string? name = null) => World.NewRLock(name);

    public Threading.Condition NewCondition(Threading.LockBase? lockObject = null, string? name = null) => World.NewCondition(lockObject, name);

    public Threading.Semaphore NewSemaphore(int value = 1, string? name = null) => World.NewSemaphore(value, name);

    public Threading.BoundedSemaphore NewBoundedSemaphore(int value = 1, string? name = null) => World.NewBoundedSemaphore(value, name);

    public Threading.Queue<T> NewQueue<T>(int maxsize = 0, string? name = null) => World.NewQueue<T>(maxsize, name);

    public Threading.Barrier NewBarrier(int parties, Func<Task>? action = null, decimal? timeout = null, string? name = null) => World.NewBarrier(parties, action, timeout, name);

    public Threading.SharedValue<T> NewValue<T>(T initial, string? name = null) => World.NewValue(initial, name);

    public Task<Threading.Timer> CreateTimerAsync(decimal interval, Func<Task> function) =>
        throw new NotSupportedException("timers under monkey-patching are not modelled: spawn a greenlet that sleeps with Hub.SpawnAsync");

    public Task PrintAsync(string text) => World.PrintAsync(text);

    public Task SleepAsync(decimal seconds) => Hub.Get(World).SleepAsync(seconds);

    public void Assert(bool condition, string invariant, string message) => World.Assert(condition, invariant, message);

    /// <inheritdoc />
    public void Checkpoint(string point, Action<StateWriter>? live = null) => World.Checkpoint(point, live);

    private static NotSupportedException NoThreads() =>
        new("threads under monkey-patching (greenlets in disguise) are not modelled: spawn greenlets with Hub.SpawnAsync");
}
