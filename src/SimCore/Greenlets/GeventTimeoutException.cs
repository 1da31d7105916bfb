namespace SimHarness.Greenlets;

/// <summary>gevent's <c>Timeout</c> exception, raised where the greenlet was blocked when its timeout expired.</summary>
/// <remarks>gevent derives it from <c>BaseException</c>; in C# every exception is an <see cref="Exception"/>.</remarks>
public sealed class GeventTimeoutException : Exception
{
    /// <summary>Creates the exception (Python prints <c>N seconds</c>).</summary>
    public GeventTimeoutException()
        : base("timeout")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GeventTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public GeventTimeoutException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
