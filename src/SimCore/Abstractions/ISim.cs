namespace SimHarness;

// Inside the namespace: Lock, Semaphore, Barrier and Timer then mean the harness's, not System.Threading's.
using SimHarness.Threading;

/// <summary>The simulated world as scenario code sees it: threads, output, time and the objects they share.</summary>
/// <remarks>
/// Every member that returns a task is one atomic step preceded by a scheduling point (rule 1 of
/// docs/semantics.md): the active scheduler may run any other runnable thread before the step takes effect.
/// Under simulation time is virtual and advances only when no thread can run; on the real backend
/// it is wall-clock time since the run started.
/// </remarks>
public interface ISim
{
    /// <summary>The current time in seconds since the run started (virtual in simulation).</summary>
    decimal Now { get; }

    /// <summary>The current time in microseconds since the run started.</summary>
    long NowMicros { get; }

    /// <summary>The same clock as a <see cref="System.TimeProvider"/>, for .NET code that takes one.</summary>
    TimeProvider TimeProvider { get; }

    /// <summary>The thread running the caller (Python's <c>threading.current_thread()</c>).</summary>
    SimThread CurrentThread { get; }

    /// <summary>Whether this run is simulated (virtual clock) rather than real (OS threads, wall clock).</summary>
    bool IsSimulated { get; }

    /// <summary>Python's <c>threading.main_thread()</c> (not a step: it never changes).</summary>
    SimThread MainThread { get; }

    /// <summary>Creates a thread named <c>Thread-N (target)</c> from the world's counter, as CPython names it (a step).</summary>
    /// <param name="target">The thread's body.</param>
    /// <param name="targetName">The target's name as Python would print it; by default the method's name, <c>&lt;lambda&gt;</c> for a lambda, a local function's own name.</param>
    /// <param name="name">An explicit name instead of <c>Thread-N (target)</c>; null or empty takes the number, as in CPython.</param>
    /// <param name="daemon">Daemon threads do not keep the run alive; null inherits the creating thread's flag, as in CPython.</param>
    Task<SimThread> CreateThreadAsync(Func<Task> target, string? targetName = null, string? name = null, bool? daemon = null);

    /// <summary>Python's <c>Thread()</c> without a target: named <c>Thread-N</c>, its run does nothing (a step).</summary>
    /// <param name="name">An explicit name; null or empty takes the number.</param>
    /// <param name="daemon">Null inherits the creating thread's flag.</param>
    Task<SimThread> CreateThreadAsync(string? name = null, bool? daemon = null);

    /// <summary>Python's <c>class Worker(Thread)</c>: creates a subclass instance that overrides <c>RunAsync</c>, named <c>Thread-N</c> (a step).</summary>
    /// <param name="construct">Makes the instance (the subclass's <c>__init__</c>; runs before the creation step).</param>
    /// <param name="name">An explicit name; null or empty takes the number.</param>
    /// <param name="daemon">Null inherits the creating thread's flag.</param>
    Task<TThread> CreateThreadAsync<TThread>(Func<TThread> construct, string? name = null, bool? daemon = null)
        where TThread : SimThread;

    /// <summary>Python's <c>threading.get_ident()</c>: the caller's <see cref="SimThread.IdentAsync"/> (not a step: a thread's own number).</summary>
    int GetIdent();

    /// <summary>Python's <c>threading.get_native_id()</c>: the caller's <see cref="SimThread.NativeIdAsync"/> (not a step).</summary>
    int GetNativeId();

    /// <summary>Python's <c>threading.enumerate()</c>: the threads alive at one instant, MainThread first (steps that read every thread; see the README).</summary>
    Task<IReadOnlyList<SimThread>> EnumerateAsync();

    /// <summary>Python's <c>threading.active_count()</c>: how many threads <see cref="EnumerateAsync"/> returns.</summary>
    Task<int> ActiveCountAsync();

    /// <summary>What a thread's uncaught exception does: the default ends the run with a violation; <see cref="SimHarness.UncaughtExceptions.Excepthook"/> is CPython's rule. Set it at the start of the scenario's body (not a step: from main, while every other thread is unstarted or joined, else <see cref="InvalidOperationException"/>).</summary>
    UncaughtExceptions UncaughtExceptions { get; set; }

    /// <summary>Python's <c>threading.excepthook</c>, called in the dying thread under <see cref="SimHarness.UncaughtExceptions.Excepthook"/>; the default writes the traceback's lines to stderr. Setting null restores the default (not a step: from main, while every other thread is unstarted or joined, else <see cref="InvalidOperationException"/>).</summary>
    Func<ExceptHookArgs, Task> Excepthook { get; set; }

    /// <summary>Writes one line to the run's stderr (Python's <c>print(..., file=sys.stderr)</c>); the transcript marks it with <see cref="OutputLine.StderrPrefix"/>.</summary>
    Task PrintStderrAsync(string text);

    /// <summary>Creates Python's <c>threading.local()</c>: a value each thread sees its own of (not a step; neither are its reads and writes).</summary>
    /// <param name="initial">Makes a thread's value on its first read, as a <c>local</c> subclass's <c>__init__</c> does; null leaves it unset.</param>
    Local<T> NewLocal<T>(Func<T>? initial = null);

    /// <summary>Creates an <see cref="Event"/> (creation is not a step: nothing shared is touched).</summary>
    Event NewEvent(string? name = null);

    /// <summary>Creates a <see cref="Threading.Lock"/>, Python's <c>threading.Lock()</c> (not a step).</summary>
    Lock NewLock(string? name = null);

    /// <summary>Creates an <see cref="RLock"/>, Python's <c>threading.RLock()</c> (not a step).</summary>
    RLock NewRLock(string? name = null);

    /// <summary>Creates a <see cref="Condition"/> on <paramref name="lockObject"/>, or on a new <see cref="RLock"/> as Python does (not a step).</summary>
    Condition NewCondition(LockBase? lockObject = null, string? name = null);

    /// <summary>Creates a <see cref="Threading.Semaphore"/> with counter <paramref name="value"/> (not a step).</summary>
    Semaphore NewSemaphore(int value = 1, string? name = null);

    /// <summary>Creates a <see cref="BoundedSemaphore"/> with counter and bound <paramref name="value"/> (not a step).</summary>
    BoundedSemaphore NewBoundedSemaphore(int value = 1, string? name = null);

    /// <summary>Creates a <see cref="Queue{T}"/>, Python's <c>queue.Queue(maxsize)</c>; zero or negative is unbounded (not a step).</summary>
    Queue<T> NewQueue<T>(int maxsize = 0, string? name = null);

    /// <summary>Creates a <see cref="LifoQueue{T}"/>, Python's <c>queue.LifoQueue(maxsize)</c> (not a step).</summary>
    LifoQueue<T> NewLifoQueue<T>(int maxsize = 0, string? name = null);

    /// <summary>Creates a <see cref="Threading.PriorityQueue{T}"/>, Python's <c>queue.PriorityQueue(maxsize)</c>: lowest item first, in <paramref name="comparer"/>'s order (not a step).</summary>
    Threading.PriorityQueue<T> NewPriorityQueue<T>(int maxsize = 0, IComparer<T>? comparer = null, string? name = null);

    /// <summary>Creates a <see cref="SimpleQueue{T}"/>, Python's <c>queue.SimpleQueue()</c> (not a step).</summary>
    SimpleQueue<T> NewSimpleQueue<T>(string? name = null);

    /// <summary>Creates a <see cref="Threading.Barrier"/> for <paramref name="parties"/> threads, with an optional action and default timeout (not a step).</summary>
    Barrier NewBarrier(int parties, Func<Task>? action = null, decimal? timeout = null, string? name = null);

    /// <summary>Creates a <see cref="SharedValue{T}"/> holding <paramref name="initial"/>: a shared variable whose every read and write is a step (not a step).</summary>
    SharedValue<T> NewValue<T>(T initial, string? name = null);

    /// <summary>Creates a <see cref="Threading.Timer"/> that runs <paramref name="function"/> after <paramref name="interval"/> seconds once started (a step: it creates a thread).</summary>
    Task<Timer> CreateTimerAsync(decimal interval, Func<Task> function);

    /// <summary>Writes one output line, stamped with the current time and the writer's label.</summary>
    Task PrintAsync(string text);

    /// <summary>Sleeps for <paramref name="seconds"/>; zero is a plain scheduling point, negative is an error.</summary>
    Task SleepAsync(decimal seconds);

    /// <summary>Reports a violation of <paramref name="invariant"/> unless <paramref name="condition"/> holds; a violation ends the run.</summary>
    void Assert(bool condition, string invariant, string message);

    /// <summary>
    /// Declares a checkpoint for the state-caching search (not a step): from here on the calling
    /// thread's future — in a hub's greenlet, the calling greenlet's — depends only on where its code
    /// stands, named by <paramref name="point"/>, on the values <paramref name="live"/> writes, and on
    /// the harness's shared objects; what it observed before is forgotten. Two runs that reach the same
    /// checkpoint with the same live values and the same shared state are then one state.
    /// </summary>
    /// <remarks>
    /// The declaration is trusted: a live value left out merges states that differ, and the search can
    /// miss what only one of them does (docs/state-caching.md, "Checkpoints"). Name the point so that it
    /// tells the whole call stack, and write every local the code still reads (a loop counter, what was
    /// assembled so far, which socket when it holds more than one). It does nothing on the real backend,
    /// under Coyote, and in searches without state caching.
    /// </remarks>
    /// <param name="point">Names the place in the code (unique per place).</param>
    /// <param name="live">Writes the values the code still reads from here on; null when it reads none.</param>
    void Checkpoint(string point, Action<StateWriter>? live = null)
    {
    }
}
