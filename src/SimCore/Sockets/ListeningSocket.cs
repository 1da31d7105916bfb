namespace SimHarness.Sockets;

/// <summary>A socket after <c>bind</c> and <c>listen</c>: accepts connections.</summary>
public abstract class ListeningSocket
{
    /// <summary>The bound address.</summary>
    public abstract TcpAddress LocalAddress { get; }

    /// <summary>Waits for the next connection; returns it and the peer's address (Python's <c>conn, addr = s.accept()</c>).</summary>
    public abstract Task<(TcpSocket Connection, TcpAddress Peer)> AcceptAsync();

    /// <summary>Stops listening; connections not yet accepted are reset.</summary>
    public abstract Task CloseAsync();
}
