using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SimHarness.EchoLoad;

/// <summary>
/// One measurement: <see cref="Clients"/> loopback connections, each a loop of send one message,
/// read the whole reply, check it; round trips counted over a timed window after a warm-up.
/// </summary>
internal sealed class LoadRun(IPEndPoint server, int clients)
{
    public int Clients { get; } = clients;

    public async Task<Measurement> MeasureAsync(TimeSpan warmup, TimeSpan window, Func<TimeSpan> serverCpu)
    {
        var connecting = Stopwatch.StartNew();
        var sockets = await ConnectAllAsync();
        Console.Error.WriteLine($"  connected {Clients} clients in {connecting.ElapsedMilliseconds} ms");
        var counts = new long[Clients];
        long wrong = 0;
        using var stop = new CancellationTokenSource();
        var loops = sockets.Select((s, i) => LoopAsync(s, i, counts, () => Interlocked.Increment(ref wrong), stop.Token)).ToArray();
        try
        {
            await Task.Delay(warmup);
            var self = Process.GetCurrentProcess();
            var (n0, mine0, theirs0) = (Sum(counts), self.TotalProcessorTime, serverCpu());
            var clock = Stopwatch.StartNew();
            await Task.Delay(window);
            self.Refresh();
            var (n1, mine1, theirs1) = (Sum(counts), self.TotalProcessorTime, serverCpu());
            var elapsed = clock.Elapsed.TotalSeconds;
            await stop.CancelAsync();
            foreach (var s in sockets)
            {
                s.Dispose();
            }

            await Task.WhenAll(loops);
            return new Measurement((n1 - n0) / elapsed, (mine1 - mine0).TotalSeconds / elapsed, (theirs1 - theirs0).TotalSeconds / elapsed, Interlocked.Read(ref wrong));
        }
        finally
        {
            foreach (var s in sockets)
            {
                s.Dispose();
            }
        }
    }

    private async Task<Socket[]> ConnectAllAsync()
    {
        // A few at a time: the seed's server listens with a backlog of 5, and a full backlog costs a
        // one-second SYN retry. Connecting is not part of the measurement.
        var sockets = new Socket[Clients];
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                sockets[i] = s;
                await s.ConnectAsync(server);

                // One round trip before the next connect: it proves the server has accepted this
                // one (a connect completes in the kernel, accepted or not), so the backlog never fills.
                await s.SendAsync("x"u8.ToArray(), SocketFlags.None);
                if (await s.ReceiveAsync(new byte[1], SocketFlags.None) != 1)
                {
                    throw new InvalidOperationException("the server closed a new connection");
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        return sockets;
    }

    private static async Task LoopAsync(Socket s, int i, long[] counts, Action onWrong, CancellationToken ct)
    {
        var message = Encoding.ASCII.GetBytes($"Thread-{i + 1} hello");
        var expected = Encoding.ASCII.GetBytes($"THREAD-{i + 1} HELLO");
        var reply = new byte[message.Length];
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await s.SendAsync(message, SocketFlags.None, CancellationToken.None); // closing the socket ends the loop: no per-call registration
                var read = 0;
                while (read < reply.Length)
                {
                    var n = await s.ReceiveAsync(reply.AsMemory(read), SocketFlags.None, CancellationToken.None);
                    if (n == 0)
                    {
                        return;
                    }

                    read += n;
                }

                if (!reply.AsSpan().SequenceEqual(expected))
                {
                    onWrong();
                }

                Volatile.Write(ref counts[i], counts[i] + 1);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // closed at the end of the window
        }
    }

    private static long Sum(long[] counts)
    {
        long total = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            total += Volatile.Read(ref counts[i]);
        }

        return total;
    }
}
