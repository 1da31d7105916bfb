using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SimHarness.Real.Sockets;

/// <summary>
/// The seed's echo-upper server for real TCP clients: every byte received is sent back with ASCII
/// letters uppercased (Python's <c>bytes.upper</c>), until the client closes or resets.
/// </summary>
/// <remarks>
/// Bounded: at most <see cref="EchoUpperServerOptions.MaxConnections"/> connections are served at
/// once (further ones wait in the kernel's backlog), and each uses one fixed buffer of
/// <see cref="EchoUpperServerOptions.BufferSize"/> bytes whatever its client sends: a connection
/// does not read again until its last chunk is sent back, so a client that sends without reading
/// meets TCP's flow control, not a growing queue. Resets, empty reads, large and non-UTF-8
/// messages end or pass through one connection, never the server.
/// Usage: <c>using var s = EchoUpperServer.Start(options); await s.RunAsync(ct);</c> — cancelling
/// <c>ct</c> closes the listener and every connection, then RunAsync returns. Call RunAsync once.
/// </remarks>
public sealed class EchoUpperServer : IDisposable
{
    private readonly Socket _listener;
    private readonly EchoUpperServerOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private long _served;

    private EchoUpperServer(Socket listener, EchoUpperServerOptions options)
    {
        _listener = listener;
        _options = options;
        _slots = new SemaphoreSlim(options.MaxConnections, options.MaxConnections);
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
    }

    /// <summary>The address actually bound (port 0 in the options picks a free one).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Connections open right now.</summary>
    public int ActiveConnections => _open.Count;

    /// <summary>Connections accepted since the start.</summary>
    public long ConnectionsServed => Interlocked.Read(ref _served);

    /// <summary>Binds and listens; a bad setting, a taken port or a bad host is a <see cref="UsageException"/> with one clear line.</summary>
    public static EchoUpperServer Start(EchoUpperServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Check(options.Port is >= 0 and <= 65535, "--port must be 0..65535", options.Port);
        Check(options.Backlog >= 1, "--backlog must be at least 1", options.Backlog);
        Check(options.MaxConnections >= 1, "--max-connections must be at least 1", options.MaxConnections);
        Check(options.BufferSize is >= 1 and <= 1 << 20, "the buffer size must be 1..1048576", options.BufferSize);
        if (!(options.IdleTimeout > TimeSpan.Zero && options.IdleTimeout <= TimeSpan.FromDays(1)))
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--idle-timeout must be a number of seconds in (0, 86400], got {options.IdleTimeout.TotalSeconds}"));
        }

        var ip = Resolve(options.Host);
        var s = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            s.Bind(new IPEndPoint(ip, options.Port));
            s.Listen(options.Backlog);
        }
        catch (SocketException e)
        {
            s.Dispose();
            throw e.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => new UsageException($"port {options.Port} on {options.Host} is already in use"),
                SocketError.AccessDenied => new UsageException($"no permission to listen on {options.Host}:{options.Port} (ports below 1024 need privileges)"),
                _ => new UsageException($"cannot listen on {options.Host}:{options.Port}: {e.Message}"),
            };
        }

        return new EchoUpperServer(s, options);
    }

    /// <summary>Accepts and serves connections until <paramref name="ct"/> is cancelled; then closes everything and returns.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using (ct.Register(_listener.Dispose))
        {
            await AcceptLoopAsync(ct);
        }

        _listener.Dispose();

        // A clean close: FIN to every client, which also ends each connection's pending receive.
        // Disposing a socket with a pending operation would reset it instead; that is the fallback
        // for connections that do not end within the grace period (a send blocked on a client
        // that does not read). Every connection gives its slot back when it has ended: holding
        // them all means all have ended.
        foreach (var c in _open.Keys)
        {
            Shutdown(c);
        }

        var held = 0;
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            try
            {
                for (; held < _options.MaxConnections; held++)
                {
                    await _slots.WaitAsync(grace.Token);
                }
            }
            catch (OperationCanceledException)
            {
                foreach (var c in _open.Keys)
                {
                    c.Dispose();
                }
            }
        }

        for (; held < _options.MaxConnections; held++)
        {
            await _slots.WaitAsync(CancellationToken.None);
        }
    }

    private static void Shutdown(Socket c)
    {
        try
        {
            c.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already reset or closed by its own connection task.
        }
    }

    private async Task AcceptLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await _slots.WaitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Socket conn;
            try
            {
                conn = await _listener.AcceptAsync(ct);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                _slots.Release();
                if (ct.IsCancellationRequested || e is ObjectDisposedException)
                {
                    return;
                }

                // A connection reset before it was accepted, or a persistent error such as running
                // out of file descriptors: keep serving, without spinning on the error.
                await BackOffAsync(ct);
                continue;
            }

            conn.NoDelay = true;
            _open.TryAdd(conn, 0);
            Interlocked.Increment(ref _served);
            _options.OnAccepted?.Invoke((IPEndPoint)conn.RemoteEndPoint!);
            _ = ServeAsync(conn);
        }
    }

    private async Task ServeAsync(Socket conn)
    {
        var buffer = new byte[_options.BufferSize];
        var idle = new CancellationTokenSource();
        try
        {
            // Off the accept loop: a client that keeps data always ready would otherwise hold it.
            await Task.Yield();
            while (true)
            {
                // Every receive and send must make progress within the idle timeout: a silent client,
                // or one that never reads its replies, gives its slot back instead of holding it forever.
                var n = await conn.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, Arm(ref idle));
                if (n == 0)
                {
                    break;
                }

                UpperAscii(buffer.AsSpan(0, n));
                var sent = 0;
                while (sent < n)
                {
                    sent += await conn.SendAsync(buffer.AsMemory(sent, n - sent), SocketFlags.None, Arm(ref idle));
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A reset, a broken pipe, the idle timeout or the server stopping (it disposes the socket) ends this connection only.
        }
        finally
        {
            idle.Dispose();
            conn.Dispose();
            _open.TryRemove(conn, out _);
            _slots.Release();
        }
    }

    /// <summary>The idle timer restarted for the next operation (a fresh source when the old one cannot be reset).</summary>
    private CancellationToken Arm(ref CancellationTokenSource idle)
    {
        if (!idle.TryReset())
        {
            idle.Dispose();
            idle = new CancellationTokenSource();
        }

        idle.CancelAfter(_options.IdleTimeout);
        return idle.Token;
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

    /// <summary>Closes the listener; cancel RunAsync's token to close the connections and wait for them.</summary>
    public void Dispose()
    {
        _listener.Dispose();
    }

    private static async Task BackOffAsync(CancellationToken ct)
    {
        try
        {
#pragma warning disable RS0030 // the real server waits on the wall clock before retrying a failed accept
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
#pragma warning restore RS0030
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static void Check(bool ok, string rule, int value)
    {
        if (!ok)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{rule}, got {value}"));
        }
    }

    private static IPAddress Resolve(string host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            throw new UsageException("--host must not be empty");
        }

        if (IPAddress.TryParse(host, out var ip))
        {
            return ip;
        }

        try
        {
            var all = Dns.GetHostAddresses(host);
            return all.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? all.FirstOrDefault()
                ?? throw new UsageException($"--host '{host}' has no address");
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            throw new UsageException($"--host '{host}' is neither an IP address nor a known host name");
        }
    }
}
