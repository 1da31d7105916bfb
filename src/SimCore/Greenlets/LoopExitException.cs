namespace SimHarness.Greenlets;

/// <summary>gevent's <c>LoopExit</c>: raised in the thread's main greenlet when the hub has nothing left to run and nothing to wait for.</summary>
public sealed class LoopExitException : Exception
{
    /// <summary>Creates the exception with gevent's message.</summary>
    public LoopExitException()
        : base("This operation would block forever")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LoopExitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public LoopExitException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
