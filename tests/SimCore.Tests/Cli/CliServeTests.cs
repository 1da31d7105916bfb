#pragma warning disable CA1861 // expected values read best inline in tests
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SimHarness.Tests.Sockets;

namespace SimHarness.Tests.Cli;

/// <summary><c>serve echo-upper</c> in-process: it serves a client, prints the seed's peer lines, stops on cancel, refuses bad input in one line.</summary>
[Category("Real")]
[CancelAfter(20_000)]
public partial class CliServeTests
{
    [GeneratedRegex(@"^echo-upper listening on 127\.0\.0\.1:(\d+) ")]
    private static partial Regex ListeningLine();

    private sealed record Serving(Task<int> Exit, LineWriter Out, StringWriter Error, IPEndPoint Endpoint);

    private static async Task<Serving> ServeAsync(CancellationToken stop, CancellationToken ct, params string[] extra)
    {
        var stdout = new LineWriter();
        var stderr = new StringWriter();
        string[] args = ["serve", "echo-upper", "--port", "0", .. extra];
        var exit = Task.Run(() => SimHarness.Cli.Cli.Run(args, stdout, stderr, interactive: false, stop), ct);
        var listening = await Task.WhenAny(exit, stdout.LineAsync(l => ListeningLine().IsMatch(l))).WaitAsync(ct);
        if (listening == exit)
        {
            Assert.Fail($"serve exited with {await exit}: {stderr}");
        }

        var port = int.Parse(ListeningLine().Match(await stdout.LineAsync(l => ListeningLine().IsMatch(l))).Groups[1].Value, CultureInfo.InvariantCulture);
        return new Serving(exit, stdout, stderr, new IPEndPoint(IPAddress.Loopback, port));
    }

    [Test]
    public async Task Serve_EchoUpper_ServesAClientPrintsItsAddressAndExitsZeroWhenStopped(CancellationToken ct)
    {
        using var stop = new CancellationTokenSource();
        var sut = await ServeAsync(stop.Token, ct);
        int clientPort;
        using (var c = await LoopbackClient.ConnectAsync(sut.Endpoint, ct))
        {
            clientPort = ((IPEndPoint)c.LocalEndPoint!).Port;
            Assert.That(await LoopbackClient.RoundTripAsync(c, "hello, Wörld"u8.ToArray(), ct), Is.EqualTo("HELLO, WöRLD"u8.ToArray()));
        }

        await sut.Out.LineAsync(l => l == $"('127.0.0.1', {clientPort})").WaitAsync(ct);
        await stop.CancelAsync();

        Assert.That(await sut.Exit.WaitAsync(ct), Is.Zero);
        Assert.That(sut.Error.ToString(), Is.Empty);
        Assert.That(sut.Out.Text, Does.EndWith("stopped after serving 1 connections" + Environment.NewLine));
    }

    [Test]
    public async Task Serve_WhenStoppedWithAClientConnected_ClosesItAndExitsZero(CancellationToken ct)
    {
        using var stop = new CancellationTokenSource();
        var sut = await ServeAsync(stop.Token, ct, "--quiet");
        using var c = await LoopbackClient.ConnectAsync(sut.Endpoint, ct);
        Assert.That(await LoopbackClient.RoundTripAsync(c, "x"u8.ToArray(), ct), Is.EqualTo("X"u8.ToArray()));

        await stop.CancelAsync();

        Assert.That(await sut.Exit.WaitAsync(ct), Is.Zero);
        Assert.That(await c.ReceiveAsync(new byte[1], SocketFlags.None, ct), Is.Zero, "the client sees the end of the stream");
        Assert.That(sut.Out.Text, Does.Not.Contain("('127.0.0.1'"), "--quiet prints no peer addresses");
    }

    [Test]
    public void Serve_OnTakenPort_ExitsOneWithOneLine()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        taken.Listen();
        var port = ((IPEndPoint)taken.LocalEndPoint!).Port.ToString(CultureInfo.InvariantCulture);

        var sut = CliInvocation.Of("serve", "echo-upper", "--port", port);

        Assert.That(sut.ExitCode, Is.EqualTo(1));
        Assert.That(sut.ErrorLines, Is.EqualTo(new[] { $"error: port {port} on 127.0.0.1 is already in use" }));
    }

    [TestCase("--port", "70000", "--port must be 0..65535")]
    [TestCase("--port", "eighty", "eighty")]
    [TestCase("--backlog", "0", "--backlog must be at least 1")]
    [TestCase("--max-connections", "-5", "--max-connections must be at least 1")]
    [TestCase("--host", "", "--host must not be empty")]
    [TestCase("--frob", "1", "--frob")]
    public void Serve_BadInput_ExitsOneWithOneLineNamingIt(string option, string value, string mustMention)
    {
        var sut = CliInvocation.Of("serve", "echo-upper", option, value);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(sut.Error, Does.StartWith("error: ").And.Contain(mustMention));
            Assert.That(sut.Error, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public void Serve_UnknownServer_ExitsOneNamingIt()
    {
        var sut = CliInvocation.Of("serve", "echo-lower");

        Assert.That((sut.ExitCode, sut.ErrorLines), Is.EqualTo((1, new[] { "error: unknown server 'echo-lower': the one server is echo-upper" })));
    }

    [Test]
    public void Serve_Help_DescribesEveryOption()
    {
        var sut = CliInvocation.Of("serve", "--help");

        Assert.That(sut.ExitCode, Is.Zero);
        Assert.That(sut.Out, Does.Contain("echo-upper").And.Contain("--port").And.Contain("--host").And.Contain("--backlog").And.Contain("--max-connections").And.Contain("--quiet"));
    }
}
