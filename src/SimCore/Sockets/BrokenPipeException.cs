namespace SimHarness.Sockets;

/// <summary>Python's <c>BrokenPipeError</c>: sending on a connection the peer has closed.</summary>
public sealed class BrokenPipeException : SocketErrorException
{
    /// <summary>Creates the error with CPython's message.</summary>
    public BrokenPipeException()
        : base(32, "Broken pipe")
    {
    }
}
