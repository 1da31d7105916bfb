using SimHarness.Sockets;

namespace SimHarness.Real.Sockets;

/// <summary>Settings of <see cref="EchoUpperServer"/>.</summary>
public sealed record EchoUpperServerOptions
{
    /// <summary>Address to bind; loopback unless the user says otherwise.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Port to bind (0 picks a free one).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>listen()'s backlog.</summary>
    public int Backlog { get; init; } = 512;

    /// <summary>Connections served at once; more wait in the backlog.</summary>
    public int MaxConnections { get; init; } = 2048;

    /// <summary>Bytes of the one buffer each connection uses (the seed's recv(1024)).</summary>
    public int BufferSize { get; init; } = 1024;

    /// <summary>Called for each accepted connection with the peer's address (the seed prints it).</summary>
    public Action<TcpAddress>? OnAccepted { get; init; }
}
