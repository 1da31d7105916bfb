namespace SimHarness.Threading;

/// <summary>Python's <c>threading.BrokenBarrierError</c> (a <see cref="RuntimeError"/>): the barrier was broken, aborted or reset while a thread waited.</summary>
public sealed class BrokenBarrierError : RuntimeError
{
    /// <summary>Creates the error (no message, as Python's).</summary>
    public BrokenBarrierError()
    {
    }

    /// <summary>Creates the error with a message.</summary>
    public BrokenBarrierError(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and an inner exception.</summary>
    public BrokenBarrierError(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
