using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SimHarness.Sockets;

namespace SimHarness.Real.Sockets;

/// <summary>
/// The seed's echo-upper server for real TCP clients: every byte received is sent back with ASCII
/// letters uppercased (Python's <c>bytes.upper</c>), until the client closes or resets.
/// </summary>
/// <remarks>
/// Bounded: at most <see cref="EchoUpperServerOptions.MaxConnections"/> connections are served at
/// once (further ones wait in the kernel's backlog), and each uses one fixed buffer of
/// <see cref="EchoUpperServerOptions.BufferSize"/> bytes whatever its clients send. Resets, empty
/// reads, large and non-UTF-8 messages end or pass through one connection, never the server.
/// Usage: <c>var s = EchoUpperServer.Start(options); await s.RunAsync(ct);</c> — cancelling
/// <c>ct</c> closes the listener and every connection, then RunAsync returns.
/// </remarks>
public sealed class EchoUpperServer : IDisposable
{
    private readonly Socket _listener;
    private readonly EchoUpperServerOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<Socket, Task> _connections = new();
    private long _served;

    private EchoUpperServer(Socket listener, EchoUpperServerOptions options)
    {
        _listener = listener;
        _options = options;
        _slots = new SemaphoreSlim(options.MaxConnections, options.MaxConnections);
    }

    /// <summary>The address actually bound (port 0 in the options picks a free one).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    /// <summary>Connections open right now.</summary>
    public int ActiveConnections => _connections.Count;

    /// <summary>Connections accepted since the start.</summary>
    public long ConnectionsServed => Interlocked.Read(ref _served);

    /// <summary>Binds and listens; a taken port or a bad host is a <see cref="UsageException"/> with one clear line.</summary>
    public static EchoUpperServer Start(EchoUpperServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.TryParse(options.Host, out var ip))
        {
            throw new UsageException($"--host must be an IP address, got '{options.Host}'");
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new UsageException($"--port must be 0..65535, got {options.Port}");
        }

        var s = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            s.Bind(new IPEndPoint(ip, options.Port));
            s.Listen(options.Backlog);
        }
        catch (SocketException e)
        {
            s.Dispose();
            throw e.SocketErrorCode == SocketError.AddressAlreadyInUse
                ? new UsageException($"port {options.Port} on {options.Host} is already in use")
                : new UsageException($"cannot listen on {options.Host}:{options.Port}: {e.Message}");
        }

        return new EchoUpperServer(s, options);
    }

    /// <summary>Accepts and serves connections until <paramref name="ct"/> is cancelled; then closes everything and returns.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var reg = ct.Register(() => _listener.Dispose());
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await _slots.WaitAsync(ct);
                Socket conn;
                try
                {
                    conn = await _listener.AcceptAsync(ct);
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
                {
                    _slots.Release();
                    if (ct.IsCancellationRequested)
                    {
                        break;
                    }

                    continue; // a connection that failed before accept completed: keep serving
                }

                Interlocked.Increment(ref _served);
                _options.OnAccepted?.Invoke(RealNet.AddressOf(conn.RemoteEndPoint));
                _connections[conn] = ServeAsync(conn, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }

        foreach (var c in _connections.Keys)
        {
            c.Dispose();
        }

        await Task.WhenAll(_connections.Values.ToArray());
    }

    private async Task ServeAsync(Socket conn, CancellationToken ct)
    {
        var buffer = new byte[_options.BufferSize];
        try
        {
            await Task.Yield(); // registered in _connections before it can finish
            while (true)
            {
                var n = await conn.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, ct);
                if (n == 0)
                {
                    break;
                }

                UpperAscii(buffer.AsSpan(0, n));
                var sent = 0;
                while (sent < n)
                {
                    sent += await conn.SendAsync(buffer.AsMemory(sent, n - sent), SocketFlags.None, ct);
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A reset, a broken pipe or the server stopping ends this connection only.
        }
        finally
        {
            conn.Dispose();
            _connections.TryRemove(conn, out _);
            _slots.Release();
        }
    }

    /// <summary>Python's <c>bytes.upper()</c> in place: ASCII letters only.</summary>
    public static void UpperAscii(Span<byte> data)
    {
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] is >= (byte)'a' and <= (byte)'z')
            {
                data[i] -= 32;
            }
        }
    }

    /// <summary>Closes the listener (RunAsync's cancellation does the rest).</summary>
    public void Dispose()
    {
        _listener.Dispose();
        _slots.Dispose();
    }
}
