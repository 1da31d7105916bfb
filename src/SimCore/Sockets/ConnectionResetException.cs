namespace SimHarness.Sockets;

/// <summary>Python's <c>ConnectionResetError</c>: the peer (or the network) reset the connection.</summary>
public sealed class ConnectionResetException : SocketErrorException
{
    /// <summary>Creates the error with CPython's message.</summary>
    public ConnectionResetException()
        : base(104, "Connection reset by peer")
    {
    }
}
