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

    /// <summary>Creates a thread named <c>Thread-N (target)</c> from the world's counter, as CPython names it.</summary>
    /// <param name="target">The thread's body.</param>
    /// <param name="targetName">The target's name as Python would print it; defaults to the delegate's method name.</param>
    /// <param name="name">An explicit name instead of <c>Thread-N (target)</c>.</param>
    /// <param name="daemon">Daemon threads do not keep the run alive.</param>
    Task<SimThread> CreateThreadAsync(Func<Task> target, string? targetName = null, string? name = null, bool daemon = false);

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
}
