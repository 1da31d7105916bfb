namespace SimHarness.Threading;

/// <summary>Python's <c>queue.Empty</c>: raised by a get from an empty queue without blocking, or after its timeout.</summary>
/// <remarks>Python raises it without a message; so does this type (its message is empty).</remarks>
#pragma warning disable CA1710 // Python's name, kept so violations read like CPython's tracebacks.
public sealed class Empty : Exception
#pragma warning restore CA1710
{
    /// <summary>Creates the error (no message, as Python's).</summary>
    public Empty()
        : base(string.Empty)
    {
    }

    /// <summary>Creates the error with a message.</summary>
    public Empty(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and an inner exception.</summary>
    public Empty(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
