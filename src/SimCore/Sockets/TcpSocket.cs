namespace SimHarness.Sockets;

/// <summary>One end of a TCP connection, as Python's socket object: every operation is one awaited step.</summary>
public abstract class TcpSocket
{
    /// <summary>This end's address.</summary>
    public abstract TcpAddress LocalAddress { get; }

    /// <summary>The other end's address (what <c>accept</c> returns).</summary>
    public abstract TcpAddress PeerAddress { get; }

    /// <summary>Offers <paramref name="data"/>; returns how many bytes were accepted (maybe fewer when the peer's buffer is full).</summary>
    public abstract Task<int> SendAsync(ReadOnlyMemory<byte> data);

    /// <summary>Sends every byte, looping on partial sends (Python's <c>sendall</c>).</summary>
    public async Task SendAllAsync(ReadOnlyMemory<byte> data)
    {
        while (data.Length > 0)
        {
            var n = await SendAsync(data);
            data = data[n..];
        }
    }

    /// <summary>Receives 1..<paramref name="max"/> bytes, blocking until some arrive; an empty array means end of stream.</summary>
    public abstract Task<byte[]> RecvAsync(int max);

    /// <summary>Closes one or both directions.</summary>
    public abstract Task ShutdownAsync(SocketShutdown how);

    /// <summary>Closes this end; closing twice does nothing.</summary>
    public abstract Task CloseAsync();
}
