using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SimHarness.Exploration;
using SimHarness.Tests.Sockets;

namespace SimHarness.Tests.Hostile;

/// <summary>Issue 15: a blocked stdout never stalls or pins <c>serve</c>; idle connections time out; a wide bind is warned about.</summary>
[Category("Real")]
[CancelAfter(60_000)]
public class CliServeHostileTests
{
    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static async Task<Socket> ConnectWhenListeningAsync(IPEndPoint ep, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await LoopbackClient.ConnectAsync(ep, ct);
            }
            catch (SocketException)
            {
                await Task.Yield();
            }
        }
    }

    [Test]
    public async Task Serve_StdoutBlocked_StillServesAndStopsWhenCancelled(CancellationToken ct)
    {
        using var stdout = new BlockedWriter();
        using var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        var ep = new IPEndPoint(IPAddress.Loopback, FreePort());
        string[] args = ["serve", "echo-upper", "--port", ep.Port.ToString(CultureInfo.InvariantCulture)];
        var exit = Task.Run(() => SimHarness.Cli.Cli.Run(args, stdout, stderr, interactive: false, stop.Token), ct);

        for (var i = 0; i < 3; i++)
        {
            // Each accepted peer is a line for the blocked stdout: serving goes on regardless.
            using var c = await ConnectWhenListeningAsync(ep, ct);
            Assert.That(await LoopbackClient.RoundTripAsync(c, "ping"u8.ToArray(), ct), Is.EqualTo("PING"u8.ToArray()));
        }

        await stop.CancelAsync();
        Assert.That(await exit.WaitAsync(TimeSpan.FromSeconds(10), ct), Is.Zero);
        Assert.That(stderr.ToString(), Does.Contain("stdout is not being read"));
    }

    [Test]
    public async Task Serve_IdleConnection_IsClosedAfterTheIdleTimeoutWhileABusyOneIsServed(CancellationToken ct)
    {
        using var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        var ep = new IPEndPoint(IPAddress.Loopback, FreePort());
        string[] args = ["serve", "echo-upper", "--port", ep.Port.ToString(CultureInfo.InvariantCulture), "--quiet", "--idle-timeout", "0.5", "--max-connections", "1"];
        var exit = Task.Run(() => SimHarness.Cli.Cli.Run(args, TextWriter.Null, stderr, interactive: false, stop.Token), ct);
        using var idle = await ConnectWhenListeningAsync(ep, ct);
        var clock = new WallTimer();

        // The idle client holds the only slot until the timeout closes it; then the next client is served.
        var ended = await EndOfStreamAsync(idle, ct);
        var served = await LoopbackClient.RoundTripAsync(ep, "after"u8.ToArray(), ct);

        Assert.Multiple(() =>
        {
            Assert.That(ended, Is.True, "the server closed the idle connection");
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
            Assert.That(served, Is.EqualTo("AFTER"u8.ToArray()));
        });
        await stop.CancelAsync();
        Assert.That(await exit.WaitAsync(ct), Is.Zero, stderr.ToString());
    }

    [Test]
    public async Task Serve_BoundBeyondLoopback_WarnsOnStderr(CancellationToken ct)
    {
        using var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        var port = FreePort();
        string[] args = ["serve", "echo-upper", "--host", "0.0.0.0", "--port", port.ToString(CultureInfo.InvariantCulture), "--quiet"];
        var exit = Task.Run(() => SimHarness.Cli.Cli.Run(args, TextWriter.Null, stderr, interactive: false, stop.Token), ct);
        using (await ConnectWhenListeningAsync(new IPEndPoint(IPAddress.Loopback, port), ct))
        {
        }

        await stop.CancelAsync();
        Assert.That(await exit.WaitAsync(ct), Is.Zero);
        Assert.That(stderr.ToString(), Does.Contain("warning: listening on 0.0.0.0").And.Contain("beyond loopback"));
    }

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("100000")]
    public void Serve_BadIdleTimeout_OneLine(string seconds)
    {
        var sut = Cli.CliInvocation.Of("serve", "echo-upper", "--idle-timeout", seconds);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.Error, Does.Contain("--idle-timeout"));
        });
    }

    [Test]
    public async Task ServeProcess_SigtermWithStdoutNeverRead_ExitsZero(CancellationToken ct)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Ignore("POSIX signals only");
        }

        var port = FreePort();
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "SimHarness.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "serve", "echo-upper", "--port", port.ToString(CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(a);
        }

        using var sut = Process.Start(psi)!;
        try
        {
            // Never read stdout: 4000 peer lines (~100 KB) fill the pipe (64 KB), and serving must go on.
            var ep = new IPEndPoint(IPAddress.Loopback, port);
            using (await ConnectWhenListeningAsync(ep, ct))
            {
            }

            for (var i = 0; i < 4000; i++)
            {
                using var c = await LoopbackClient.ConnectAsync(ep, ct);
            }

            Assert.That(await LoopbackClient.RoundTripAsync(ep, "still"u8.ToArray(), ct), Is.EqualTo("STILL"u8.ToArray()));
            using (var kill = Process.Start("kill", ["-TERM", sut.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(ct);
            }

            await sut.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(15), ct);
            Assert.That(sut.ExitCode, Is.Zero);
        }
        finally
        {
            if (!sut.HasExited)
            {
                sut.Kill();
            }
        }
    }

    private static async Task<bool> EndOfStreamAsync(Socket c, CancellationToken ct)
    {
        try
        {
            return await c.ReceiveAsync(new byte[1], SocketFlags.None, ct) == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
