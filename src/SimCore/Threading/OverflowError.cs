namespace SimHarness.Threading;

/// <summary>Python's <c>OverflowError</c>: a timeout beyond what CPython's clock can hold (<see cref="ThreadingModule.TimeoutMax"/> and above).</summary>
#pragma warning disable CA1710 // Python's name, kept so violations read like CPython's tracebacks.
public sealed class OverflowError : OverflowException
#pragma warning restore CA1710
{
    /// <summary>Creates the error with Python's message.</summary>
    public OverflowError(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with an empty message.</summary>
    public OverflowError()
        : base(string.Empty)
    {
    }

    /// <summary>Creates the error with a message and an inner exception.</summary>
    public OverflowError(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
