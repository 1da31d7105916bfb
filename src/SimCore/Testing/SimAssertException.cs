namespace SimHarness.Testing;

/// <summary>A scenario broke an invariant in some interleaving (or the search could not say): thrown by <see cref="SimAssert"/>, so any test framework reports it as a failure.</summary>
public sealed class SimAssertException : Exception
{
    /// <summary>Creates the exception with its message (invariant, trace file, replay command).</summary>
    public SimAssertException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public SimAssertException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public SimAssertException()
        : base("the scenario does not hold in every interleaving")
    {
    }

    /// <summary>The trace of the first violating run, when one was written.</summary>
    public string? TracePath { get; init; }
}
