namespace SimHarness.Threading;

/// <summary>Python's <c>queue.Full</c>: raised by a put into a full queue without blocking, or after its timeout.</summary>
/// <remarks>Python raises it without a message; so does this type (its message is empty).</remarks>
#pragma warning disable CA1710 // Python's name, kept so violations read like CPython's tracebacks.
public sealed class Full : Exception
#pragma warning restore CA1710
{
    /// <summary>Creates the error (no message, as Python's).</summary>
    public Full()
        : base(string.Empty)
    {
    }

    /// <summary>Creates the error with a message.</summary>
    public Full(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and an inner exception.</summary>
    public Full(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
