using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SimHarness.Real.Sockets;
using static SimHarness.Tests.Sockets.LoopbackClient;

namespace SimHarness.Tests.Sockets;

/// <summary>The seed's gevent server (tests/fidelity/sockets/seed_echo_server.py) as the oracle: ours answers every byte as it does.</summary>
[Category("Real")]
[CancelAfter(30_000)]
public class SeedServerOracleTests
{
    private const string DebianPython = "/usr/bin/python3";

    [Test]
    public async Task Replies_ToEveryByteValueAndTheSeedsText_MatchTheSeedsGeventServer(CancellationToken ct)
    {
        byte[][] messages =
        [
            [.. Enumerable.Range(0, 256).Select(i => (byte)i)],
            "héllo ß 中文 Thread-1 hello"u8.ToArray(),
            [0xff, 0xfe, (byte)'q', 0xc3, 0x28, (byte)'z'],
        ];
        using var seed = await StartSeedServerAsync(ct);
        using var ours = EchoUpperServer.Start(new EchoUpperServerOptions { Port = 0 });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = ours.RunAsync(stop.Token);
        try
        {
            foreach (var m in messages)
            {
                var expected = await RoundTripAsync(seed.Endpoint, m, ct);
                Assert.That(expected, Has.Length.EqualTo(m.Length), "the oracle answered the whole message");
                Assert.That(expected, Is.Not.EqualTo(m), "each message has lowercase letters the oracle changed");
                Assert.That(await RoundTripAsync(ours.LocalEndPoint, m, ct), Is.EqualTo(expected));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await run;
        }
    }

    private static async Task<SeedServer> StartSeedServerAsync(CancellationToken ct)
    {
        if (!File.Exists(DebianPython))
        {
            Assert.Ignore($"{DebianPython} is absent: install Debian's python3-gevent to compare with the seed's server");
        }

        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        var psi = new ProcessStartInfo(DebianPython) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "fidelity", "sockets", "seed_echo_server.py"));
        psi.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync(ct);
        p.OutputDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        var seed = new SeedServer(p, new IPEndPoint(IPAddress.Loopback, port));
        while (!p.HasExited)
        {
            try
            {
                using var c = await ConnectAsync(seed.Endpoint, ct);
                return seed;
            }
            catch (SocketException)
            {
                await Task.Delay(50, ct);
            }
        }

        seed.Dispose();
        var why = await stderr;
        if (why.Contains("No module named 'gevent'", StringComparison.Ordinal))
        {
            Assert.Ignore("python3-gevent is absent: apt-get install -y python3-gevent");
        }

        throw new InvalidOperationException($"the seed's server exited: {why}");
    }

    private sealed class SeedServer(Process process, IPEndPoint endpoint) : IDisposable
    {
        public IPEndPoint Endpoint { get; } = endpoint;

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5000);
            }

            process.Dispose();
        }
    }
}
