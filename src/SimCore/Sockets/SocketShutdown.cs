namespace SimHarness.Sockets;

/// <summary>Which direction <c>shutdown</c> closes (Python's SHUT_RD, SHUT_WR, SHUT_RDWR).</summary>
public enum SocketShutdown
{
    /// <summary>No more receives.</summary>
    Read,

    /// <summary>No more sends: the peer reads end of stream after the buffered bytes.</summary>
    Write,

    /// <summary>Both.</summary>
    Both,
}
