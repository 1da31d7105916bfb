namespace SimHarness.Threading;

/// <summary>Python's <c>ValueError</c>: a bad argument (negative timeout, over-released bounded semaphore, too many task_done calls).</summary>
#pragma warning disable CA1710 // Python's name, kept so violations read like CPython's tracebacks.
public sealed class ValueError : ArgumentException
#pragma warning restore CA1710
{
    /// <summary>Creates the error with Python's message.</summary>
    public ValueError(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with an empty message.</summary>
    public ValueError()
        : base(string.Empty)
    {
    }

    /// <summary>Creates the error with a message and an inner exception.</summary>
    public ValueError(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
