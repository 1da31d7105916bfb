namespace SimHarness;

/// <summary>The simulated world as scenario code sees it: threads, output, time and the objects they share.</summary>
/// <remarks>
/// Every member that returns a task is one atomic step preceded by a scheduling point (DESIGN.md
/// rule 1): the active scheduler may run any other runnable thread before the step takes effect.
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

    /// <summary>Writes one output line, stamped with the current time and the writer's label.</summary>
    Task PrintAsync(string text);

    /// <summary>Sleeps for <paramref name="seconds"/>; zero is a plain scheduling point, negative is an error.</summary>
    Task SleepAsync(decimal seconds);

    /// <summary>Reports a violation of <paramref name="invariant"/> unless <paramref name="condition"/> holds; a violation ends the run.</summary>
    void Assert(bool condition, string invariant, string message);
}
