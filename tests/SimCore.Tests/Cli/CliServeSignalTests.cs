using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SimHarness.Tests.Sockets;

namespace SimHarness.Tests.Cli;

/// <summary><c>serve echo-upper</c> as a real process: Ctrl-C (SIGINT) and SIGTERM close it cleanly with exit 0.</summary>
[Category("Real")]
[CancelAfter(30_000)]
public class CliServeSignalTests
{
    [TestCase("INT", false)]
    [TestCase("TERM", true)] // --quiet also runs socket continuations inline (Program.cs)
    public async Task Serve_OnSignal_ClosesClientsAndExitsZero(string signal, bool quiet, CancellationToken ct)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Ignore("POSIX signals only");
        }

        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "SimHarness.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in quiet ? new[] { dll, "serve", "echo-upper", "--port", "0", "--quiet" } : [dll, "serve", "echo-upper", "--port", "0"])
        {
            psi.ArgumentList.Add(a);
        }

        using var sut = Process.Start(psi)!;
        try
        {
            var first = await sut.StandardOutput.ReadLineAsync(ct);
            Assert.That(first, Does.StartWith("echo-upper listening on 127.0.0.1:"));
            var port = int.Parse(first!.Split(' ')[3].Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
            using var c = await LoopbackClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), ct);
            Assert.That(await LoopbackClient.RoundTripAsync(c, "ping"u8.ToArray(), ct), Is.EqualTo("PING"u8.ToArray()));

            using (var kill = Process.Start("kill", ["-" + signal, sut.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(ct);
            }

            await sut.WaitForExitAsync(ct);
            var rest = await sut.StandardOutput.ReadToEndAsync(ct);
            Assert.That(sut.ExitCode, Is.Zero, await sut.StandardError.ReadToEndAsync(ct));
            Assert.That(rest, Does.EndWith("stopped after serving 1 connections\n"));
            Assert.That(rest, quiet ? Does.Not.Contain("('127.0.0.1', ") : Does.Contain($"('127.0.0.1', {((IPEndPoint)c.LocalEndPoint!).Port})"));
            Assert.That(await c.ReceiveAsync(new byte[1], SocketFlags.None, ct), Is.Zero, "the client got a clean end of stream");
        }
        finally
        {
            if (!sut.HasExited)
            {
                sut.Kill();
            }
        }
    }
}
