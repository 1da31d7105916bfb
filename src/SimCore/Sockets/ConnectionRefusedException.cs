namespace SimHarness.Sockets;

/// <summary>Python's <c>ConnectionRefusedError</c>: nothing listens at the address.</summary>
public sealed class ConnectionRefusedException : SocketErrorException
{
    /// <summary>Creates the error with CPython's message.</summary>
    public ConnectionRefusedException()
        : base(111, "Connection refused")
    {
    }
}
