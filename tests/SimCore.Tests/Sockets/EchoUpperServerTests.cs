#pragma warning disable CA1861 // expected values read best inline in tests
using System.Net;
using System.Net.Sockets;
using SimHarness.Real.Sockets;

namespace SimHarness.Tests.Sockets;

/// <summary>The real echo-upper server on loopback: abuse by clients never stops it, and every byte comes back uppercased.</summary>
[Category("Real")]
[CancelAfter(20_000)]
public class EchoUpperServerTests
{
    private static async Task<byte[]> RoundTripAsync(IPEndPoint ep, byte[] msg, CancellationToken ct)
    {
        using var c = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await c.ConnectAsync(ep, ct);
        await c.SendAsync(msg, SocketFlags.None, ct);
        var got = new List<byte>();
        var buf = new byte[8192];
        while (got.Count < msg.Length)
        {
            var n = await c.ReceiveAsync(buf, SocketFlags.None, ct);
            if (n == 0)
            {
                break;
            }

            got.AddRange(buf.AsSpan(0, n));
        }

        return [.. got];
    }

    private static byte[] Upper(byte[] b)
    {
        var r = (byte[])b.Clone();
        EchoUpperServer.UpperAscii(r);
        return r;
    }

    [Test]
    public async Task Server_AfterAbusiveClients_StillEchoesEveryByteUppercased(CancellationToken ct)
    {
        using var sut = EchoUpperServer.Start(new EchoUpperServerOptions { Port = 0 });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = sut.RunAsync(stop.Token);
        var ep = sut.LocalEndPoint;

        // connect then close
        using (var c = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await c.ConnectAsync(ep, ct);
        }

        // reset mid-message
        using (var c = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await c.ConnectAsync(ep, ct);
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

        await stop.CancelAsync();
        await run;
        Assert.That(sut.ActiveConnections, Is.Zero);
    }

    [Test]
    public async Task Server_With300ConcurrentClients_AnswersEach(CancellationToken ct)
    {
        using var sut = EchoUpperServer.Start(new EchoUpperServerOptions { Port = 0 });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = sut.RunAsync(stop.Token);
        var tasks = Enumerable.Range(0, 300).Select(i => RoundTripAsync(sut.LocalEndPoint, System.Text.Encoding.ASCII.GetBytes($"Thread-{i} hello"), ct)).ToArray();
        var replies = await Task.WhenAll(tasks);
        await stop.CancelAsync();
        await run;

        Assert.That(replies.Select(System.Text.Encoding.ASCII.GetString), Is.EqualTo(Enumerable.Range(0, 300).Select(i => $"THREAD-{i} HELLO")));
    }

    [Test]
    public void Start_OnTakenPort_ThrowsOneLineUsageError()
    {
        using var first = EchoUpperServer.Start(new EchoUpperServerOptions { Port = 0 });
        var port = first.LocalEndPoint.Port;

        var e = Assert.Throws<UsageException>(() => EchoUpperServer.Start(new EchoUpperServerOptions { Port = port }));
        Assert.That(e!.Message, Is.EqualTo($"port {port} on 127.0.0.1 is already in use"));
    }
}
