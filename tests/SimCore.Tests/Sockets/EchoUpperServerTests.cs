#pragma warning disable CA1861 // expected values read best inline in tests
using System.Net;
using System.Net.Sockets;
using System.Text;
using SimHarness.Real.Sockets;
using static SimHarness.Tests.Sockets.LoopbackClient;

namespace SimHarness.Tests.Sockets;

/// <summary>The real echo-upper server on loopback: abuse by clients never stops it, and every byte comes back uppercased.</summary>
[Category("Real")]
[CancelAfter(20_000)]
public class EchoUpperServerTests
{
    [Test]
    public async Task Server_AfterAbusiveClients_StillEchoesEveryByteUppercased(CancellationToken ct)
    {
        using var sut = EchoUpperServer.Start(new EchoUpperServerOptions { Port = 0 });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = sut.RunAsync(stop.Token);
        var ep = sut.LocalEndPoint;

        // connect then close
        using (await ConnectAsync(ep, ct))
        {
        }

        // reset mid-message: half a message, then RST (linger 0) while the server may be replying
        using (var c = await ConnectAsync(ep, ct))
        {
            await c.SendAsync(new byte[5000], SocketFlags.None, ct);
            c.LingerState = new LingerOption(true, 0);
        }

        // an empty send
        Assert.That(await RoundTripAsync(ep, [], ct), Is.Empty);

        var big = new byte[64 * 1024];
        new Random(7).NextBytes(big);
        Assert.That(await RoundTripAsync(ep, big, ct), Is.EqualTo(Upper(big)));

        byte[] notUtf8 = [0xff, 0xfe, (byte)'a', 0xc3, (byte)'z', 0x80];
        Assert.That(await RoundTripAsync(ep, notUtf8, ct), Is.EqualTo(new byte[] { 0xff, 0xfe, (byte)'A', 0xc3, (byte)'Z', 0x80 }));

        // the seed's own example: ASCII letters only
        var text = Encoding.UTF8.GetBytes("héllo ß 中文");
        Assert.That(Encoding.UTF8.GetString(await RoundTripAsync(ep, text, ct)), Is.EqualTo("HéLLO ß 中文"));

        await stop.CancelAsync();
        await run;
        Assert.That(sut.ActiveConnections, Is.Zero);
    }

    [Test]
    public async Task Server_With1000ConcurrentConnections_AnswersEachThenKeepsServing(CancellationToken ct)
    {
        const int clients = 1000;
        using var sut = EchoUpperServer.Start(new EchoUpperServerOptions { Port = 0 });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = sut.RunAsync(stop.Token);
        var sockets = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => ConnectAsync(sut.LocalEndPoint, ct)));
        try
        {
            var replies = await Task.WhenAll(sockets.Select((s, i) => RoundTripAsync(s, Encoding.ASCII.GetBytes($"Thread-{i} hello"), ct)));

            Assert.That(replies.Select(Encoding.ASCII.GetString), Is.EqualTo(Enumerable.Range(0, clients).Select(i => $"THREAD-{i} HELLO")));
            Assert.That(sut.ActiveConnections, Is.EqualTo(clients), "every connection was open at once");
        }
        finally
        {
            foreach (var s in sockets)
            {
                s.Dispose();
            }
        }

        Assert.That(await RoundTripAsync(sut.LocalEndPoint, "one more"u8.ToArray(), ct), Is.EqualTo("ONE MORE"u8.ToArray()));
        await stop.CancelAsync();
        await run;
        Assert.That(sut.ConnectionsServed, Is.EqualTo(clients + 1));
    }

    [Test]
    public async Task Server_AtMaxConnections_MakesTheNextClientWaitForAFreeSlot(CancellationToken ct)
    {
        using var sut = EchoUpperServer.Start(new EchoUpperServerOptions { Port = 0, MaxConnections = 2 });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = sut.RunAsync(stop.Token);
        using var first = await ConnectAsync(sut.LocalEndPoint, ct);
        using var second = await ConnectAsync(sut.LocalEndPoint, ct);
        Assert.That(await RoundTripAsync(first, "a"u8.ToArray(), ct), Is.EqualTo("A"u8.ToArray()));
        Assert.That(await RoundTripAsync(second, "b"u8.ToArray(), ct), Is.EqualTo("B"u8.ToArray()));

        // The kernel completes the third connect (backlog), but the server does not accept it yet.
        using var third = await ConnectAsync(sut.LocalEndPoint, ct);
        await third.SendAsync("third"u8.ToArray(), SocketFlags.None, ct);
        Assert.That(third.Poll(TimeSpan.FromMilliseconds(300), SelectMode.SelectRead), Is.False, "no reply while both slots are taken");
        Assert.That(sut.ActiveConnections, Is.EqualTo(2));

        first.Dispose();
        var reply = new byte[5];
        var n = 0;
        while (n < reply.Length)
        {
            n += await third.ReceiveAsync(reply.AsMemory(n), SocketFlags.None, ct);
        }

        Assert.That(reply, Is.EqualTo("THIRD"u8.ToArray()));
        await stop.CancelAsync();
        await run;
    }

    [Test]
    public async Task Server_ClientThatNeverReads_IsHeldBackByFlowControlNotBuffered(CancellationToken ct)
    {
        using var sut = EchoUpperServer.Start(new EchoUpperServerOptions { Port = 0 });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = sut.RunAsync(stop.Token);
        using var c = await ConnectAsync(sut.LocalEndPoint, ct);
        c.Blocking = false;
        var chunk = Enumerable.Range(0, 64 * 1024).Select(i => (byte)('a' + (i % 26))).ToArray();
        long sent = 0;
        var stalls = 0;

        // Send without reading until the server stops taking bytes (three stalls in a row), or a cap
        // far above what the kernel's socket buffers can hold (a server that queues would reach it).
        const long cap = 512L << 20;
        while (stalls < 3 && sent < cap)
        {
            var offset = (int)(sent % chunk.Length);
            var n = c.Send(chunk, offset, chunk.Length - offset, SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock)
            {
                stalls = c.Poll(TimeSpan.FromMilliseconds(200), SelectMode.SelectWrite) ? 0 : stalls + 1;
                continue;
            }

            Assert.That(error, Is.EqualTo(SocketError.Success));
            sent += n;
            stalls = 0;
        }

        Assert.That(sent, Is.LessThan(cap), "the server kept reading though its replies were not read");

        // Everything it did take comes back, uppercased, in order.
        c.Blocking = true;
        var buf = new byte[64 * 1024];
        long received = 0;
        var wrong = 0L;
        c.Shutdown(SocketShutdown.Send);
        while (true)
        {
            var n = await c.ReceiveAsync(buf, SocketFlags.None, ct);
            if (n == 0)
            {
                break;
            }

            for (var i = 0; i < n; i++)
            {
                wrong += buf[i] == (byte)('A' + ((received + i) % chunk.Length % 26)) ? 0 : 1;
            }

            received += n;
        }

        Assert.That((received, wrong), Is.EqualTo((sent, 0L)));
        await stop.CancelAsync();
        await run;
    }

    [Test]
    public async Task RunAsync_WhenCancelled_ClosesOpenConnectionsAndReturns(CancellationToken ct)
    {
        using var sut = EchoUpperServer.Start(new EchoUpperServerOptions { Port = 0 });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = sut.RunAsync(stop.Token);
        using var c = await ConnectAsync(sut.LocalEndPoint, ct);
        Assert.That(await RoundTripAsync(c, "hi"u8.ToArray(), ct), Is.EqualTo("HI"u8.ToArray()));

        await stop.CancelAsync();
        await run;

        Assert.That(sut.ActiveConnections, Is.Zero);
        Assert.That(await c.ReceiveAsync(new byte[1], SocketFlags.None, ct), Is.Zero, "the client sees the end of the stream");
        Assert.That(async () => await ConnectAsync(sut.LocalEndPoint, ct), Throws.InstanceOf<SocketException>(), "the listener is closed");
    }

    [Test]
    public void Start_OnTakenPort_ThrowsOneLineUsageError()
    {
        using var first = EchoUpperServer.Start(new EchoUpperServerOptions { Port = 0 });
        var port = first.LocalEndPoint.Port;

        var e = Assert.Throws<UsageException>(() => EchoUpperServer.Start(new EchoUpperServerOptions { Port = port }));
        Assert.That(e!.Message, Is.EqualTo($"port {port} on 127.0.0.1 is already in use"));
    }

    [TestCase(-1, 512, 2048, "--port must be 0..65535, got -1")]
    [TestCase(65536, 512, 2048, "--port must be 0..65535, got 65536")]
    [TestCase(0, 0, 2048, "--backlog must be at least 1, got 0")]
    [TestCase(0, 512, 0, "--max-connections must be at least 1, got 0")]
    public void Start_WithSettingOutOfRange_ThrowsUsageErrorNamingIt(int port, int backlog, int maxConnections, string message)
    {
        var e = Assert.Throws<UsageException>(() => EchoUpperServer.Start(new EchoUpperServerOptions { Port = port, Backlog = backlog, MaxConnections = maxConnections }));

        Assert.That(e!.Message, Is.EqualTo(message));
    }

    [Test]
    public void Start_ByDefault_BindsLoopbackOnly()
    {
        using var sut = EchoUpperServer.Start(new EchoUpperServerOptions { Port = 0 });

        Assert.That(IPAddress.IsLoopback(sut.LocalEndPoint.Address), Is.True);
    }
}
