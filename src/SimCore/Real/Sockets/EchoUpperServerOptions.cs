using System.Net;

namespace SimHarness.Real.Sockets;

/// <summary>Settings of <see cref="EchoUpperServer"/>; <see cref="EchoUpperServer.Start"/> checks their ranges.</summary>
public sealed record EchoUpperServerOptions
{
    /// <summary>Address to bind: an IP address or a host name that resolves to one.</summary>
    /// <value>Default <c>127.0.0.1</c>: loopback unless the user says otherwise.</value>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Port to bind.</summary>
    /// <value>Default 8080 (the seed's). 0..65535; 0 picks a free port, see <see cref="EchoUpperServer.LocalEndPoint"/>.</value>
    public int Port { get; init; } = 8080;

    /// <summary>listen()'s backlog: connections the kernel completes before they are accepted.</summary>
    /// <value>Default 512; at least 1 (the kernel caps it at net.core.somaxconn).</value>
    public int Backlog { get; init; } = 512;

    /// <summary>Connections served at once; further ones wait in the backlog until one ends.</summary>
    /// <value>Default 2048; at least 1.</value>
    public int MaxConnections { get; init; } = 2048;

    /// <summary>Bytes of the one buffer each connection uses, whatever its client sends (the seed's <c>recv(1024)</c>).</summary>
    /// <value>Default 1024; 1..1048576.</value>
    public int BufferSize { get; init; } = 1024;

    /// <summary>Called on the accept loop for each accepted connection with the peer's address (the seed prints it).</summary>
    /// <value>Default none.</value>
    public Action<IPEndPoint>? OnAccepted { get; init; }

    /// <summary>A connection that neither receives nor sends anything for this long is closed, so idle sockets cannot hold every slot; default 60 s.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
