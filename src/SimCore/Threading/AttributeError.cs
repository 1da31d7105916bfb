namespace SimHarness.Threading;

/// <summary>Python's <c>AttributeError</c>: reading a <see cref="Local{T}"/> value the thread never set.</summary>
#pragma warning disable CA1710 // Python's name, kept so violations read like CPython's tracebacks.
public sealed class AttributeError : Exception
#pragma warning restore CA1710
{
    /// <summary>Creates the error with Python's message.</summary>
    public AttributeError(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with an empty message.</summary>
    public AttributeError()
        : base(string.Empty)
    {
    }

    /// <summary>Creates the error with a message and an inner exception.</summary>
    public AttributeError(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
