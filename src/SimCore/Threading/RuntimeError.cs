namespace SimHarness.Threading;

/// <summary>Python's <c>RuntimeError</c>, as the threading primitives raise it (releasing a lock nobody holds, waiting on a condition without its lock).</summary>
/// <remarks>Named after Python's exception so an uncaught one reads as CPython prints it: <c>RuntimeError: release unlocked lock</c>.</remarks>
#pragma warning disable CA1710 // Python's name, kept so violations read like CPython's tracebacks.
public class RuntimeError : InvalidOperationException
#pragma warning restore CA1710
{
    /// <summary>Creates the error with Python's message.</summary>
    public RuntimeError(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with an empty message.</summary>
    public RuntimeError()
        : base(string.Empty)
    {
    }

    /// <summary>Creates the error with a message and an inner exception.</summary>
    public RuntimeError(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
