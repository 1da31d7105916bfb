namespace SimHarness;

/// <summary>
/// A scenario's code escaped the harness: it awaited something the scheduler does not control
/// (<c>Task.Delay</c>, <c>Task.Run</c>, a timer, a thread-pool hop), called the world from another
/// OS thread, or did not await one of the world's operations. The message is one line naming what
/// happened and the rule broken (docs/semantics.md, rule 1); the CLI prints it and exits with 1.
/// </summary>
public sealed class HarnessEscapeException : Exception
{
    /// <summary>Where the rule the message cites is described.</summary>
    public const string Rule = "rule 1 of docs/semantics.md: simulated code waits only at the world's operations, on the scheduler's thread";

    /// <summary>Creates the exception with its one-line message.</summary>
    public HarnessEscapeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its one-line message and cause.</summary>
    public HarnessEscapeException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public HarnessEscapeException()
        : base("simulated code escaped the harness (" + Rule + ")")
    {
    }

    /// <summary>The threads the world counts as runnable that reached no scheduling point: they await something outside the world.</summary>
    internal static HarnessEscapeException NoneAtAGate(IEnumerable<string> threads) =>
        new($"{string.Join(", ", threads)} stopped at an await the harness does not schedule (Task.Delay, Task.Run, a Timer, a TaskCompletionSource set from outside, or a thread-pool hop): use the world's operations instead ({Rule})");

    /// <summary>A thread's code called the world from an OS thread other than the scheduler's.</summary>
    internal static HarnessEscapeException ForeignThread(string thread) =>
        new($"{thread} called the world from a thread-pool thread, not the scheduler's (Task.Run, a Timer callback, ConfigureAwait(false) or another thread-pool hop): keep simulated code on the world's threads ({Rule})");

    /// <summary>A continuation was posted to the scheduler from another OS thread.</summary>
    internal static HarnessEscapeException ForeignPost() =>
        new($"a simulated thread's await resumed from a thread-pool thread (Task.Delay, Task.Run or a Timer completed it): use the world's operations instead ({Rule})");

    /// <summary>A thread reached a scheduling point while its previous one was still pending.</summary>
    internal static HarnessEscapeException MissingAwait(string thread) =>
        new($"{thread} started a world operation while its previous one was still pending: an async call of the world (e.g. PrintAsync, SetAsync) was not awaited; await every one ({Rule})");
}
