using System.Globalization;
using System.Text.RegularExpressions;
using SimHarness.Real.Sockets;

namespace SimHarness.Tests.Sockets;

/// <summary>The seed's own Python client (tests/fidelity/sockets/seed_echo_client.py, bounded) against the real echo-upper server.</summary>
[Category("Real")]
[CancelAfter(60_000)]
public partial class SeedClientInteropTests
{
    [GeneratedRegex(@"THREAD-(\d+)(?: \(CLIENT\))? HELLO")]
    private static partial Regex Reply();

    [Test]
    public async Task SeedClient_50ThreadsOf20Messages_EachGetsItsOwnMessageUppercased(CancellationToken ct)
    {
        const int threads = 50;
        const int messages = 20;
        using var sut = EchoUpperServer.Start(new EchoUpperServerOptions { Port = 0 });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = sut.RunAsync(stop.Token);
        var dir = Path.Combine(RepoPaths.Root, "tests", "fidelity", "sockets");
        string[] args = ["seed_echo_client.py", sut.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture), $"{threads}", $"{messages}"];
        (int Code, string Stdout, string Stderr) client;
        try
        {
            client = await PythonProcess.RunAsync("python3", dir, args, TimeSpan.FromSeconds(30));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Ignore($"python3 cannot run here: {e.Message}");
            return;
        }
        finally
        {
            await stop.CancelAsync();
            await run;
        }

        Assert.That((client.Code, client.Stderr), Is.EqualTo((0, "")));

        // The client's threads print concurrently and print() writes text and newline separately,
        // so lines may be glued or split: count the replies in the text, then check nothing else is there.
        var perThread = Reply().Matches(client.Stdout).GroupBy(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(perThread, Is.EqualTo(Enumerable.Range(1, threads).ToDictionary(k => k, _ => messages)));
        Assert.That(Reply().Replace(client.Stdout, "").Replace("\n", "", StringComparison.Ordinal), Is.Empty, "nothing but the replies, uppercased");
        Assert.That(sut.ConnectionsServed, Is.EqualTo(threads));
    }
}
