#pragma warning disable CA1861 // expected values read best inline in tests
using System.Text;
using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Scenarios.Sockets;
using SimHarness.Sockets;
using SimHarness.Tests.Contracts;

namespace SimHarness.Tests.Sockets;

/// <summary>Stream semantics and faults of the simulated network, on canonical runs and small exhaustive explorations.</summary>
public class SimulatedSocketTests
{
    private static readonly IReadOnlyList<ScenarioInfo> s_catalog = ScenarioCatalog.Discover([typeof(EchoUpper).Assembly]);

    private static RunRecord Run(Func<ISim, Task> body) =>
        BuiltInExecutor.Run(new LambdaScenario(body), new CanonicalStrategy()).Record;

    private static byte[] B(string s) => Encoding.ASCII.GetBytes(s);

    [Test]
    public void Connect_WhereNothingListens_RaisesConnectionRefused()
    {
        string? message = null;
        var r = Run(async sim =>
        {
            try
            {
                await sim.ConnectAsync("127.0.0.1", 9);
            }
            catch (ConnectionRefusedException e)
            {
                message = e.Message;
            }
        });

        Assert.That(message, Is.EqualTo("[Errno 111] Connection refused"), string.Join("; ", r.Violations));
    }

    [Test]
    public void Recv_OnAConnectionLeftInTheBacklog_RaisesResetWhenTheListenerCloses()
    {
        // The reader waits at its gate, disabled, before the close: the close declares the port table,
        // not the connection, so the reader's cached guard test must be dropped (World.InvalidateGuards).
        string? error = null;
        var r = Run(async sim =>
        {
            var l = await sim.ListenAsync(80, 5);
            var c = await sim.ConnectAsync("127.0.0.1", 80);
            var reader = await sim.CreateThreadAsync(async () =>
            {
                try
                {
                    await c.RecvAsync(10);
                }
                catch (ConnectionResetException e)
                {
                    error = e.Message;
                }
            }, "reader");
            await reader.StartAsync();
            await sim.SleepAsync(1);
            await l.CloseAsync();
            await reader.JoinAsync();
        });

        Assert.That(r.Violations, Is.Empty);
        Assert.That(error, Is.EqualTo("[Errno 104] Connection reset by peer"));
    }

    [Test]
    public void Recv_AfterPeerShutdownWrite_ReturnsBytesThenEndOfStream()
    {
        var got = new List<string>();
        Run(async sim =>
        {
            var l = await sim.ListenAsync(80, 5);
            var c = await sim.ConnectAsync("127.0.0.1", 80);
            var (s, _) = await l.AcceptAsync();
            await c.SendAsync(B("hello"));
            await c.ShutdownAsync(SocketShutdown.Write);
            got.Add(Encoding.ASCII.GetString(await s.RecvAsync(3)));
            got.Add(Encoding.ASCII.GetString(await s.RecvAsync(10)));
            got.Add(Encoding.ASCII.GetString(await s.RecvAsync(10)));
        });

        Assert.That(got, Is.EqualTo(new[] { "hel", "lo", "" }));
    }

    [Test]
    public void Send_WhenPeerBufferNearlyFull_AcceptsOnlyFreeBytes()
    {
        var accepted = new List<int>();
        Run(async sim =>
        {
            sim.ConfigureNetwork(new NetworkOptions { BufferSize = 4 });
            var l = await sim.ListenAsync(80, 5);
            var c = await sim.ConnectAsync("127.0.0.1", 80);
            await l.AcceptAsync();
            accepted.Add(await c.SendAsync(B("abc")));
            accepted.Add(await c.SendAsync(B("defgh")));
        });

        Assert.That(accepted, Is.EqualTo(new[] { 3, 1 }));
    }

    [Test]
    public void Close_WithUnreadBytes_ResetsThePeer()
    {
        string? error = null;
        Run(async sim =>
        {
            var l = await sim.ListenAsync(80, 5);
            var c = await sim.ConnectAsync("127.0.0.1", 80);
            var (s, _) = await l.AcceptAsync();
            await c.SendAsync(B("x"));
            await s.CloseAsync();
            try
            {
                await c.RecvAsync(10);
            }
            catch (ConnectionResetException e)
            {
                error = e.Message;
            }
        });

        Assert.That(error, Is.EqualTo("[Errno 104] Connection reset by peer"));
    }

    [Test]
    public void Send_AfterPeerClosed_FirstSucceedsThenBrokenPipe()
    {
        var results = new List<string>();
        Run(async sim =>
        {
            var l = await sim.ListenAsync(80, 5);
            var c = await sim.ConnectAsync("127.0.0.1", 80);
            var (s, _) = await l.AcceptAsync();
            await c.CloseAsync();
            results.Add((await s.SendAsync(B("ab"))).ToString(System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                await s.SendAsync(B("cd"));
            }
            catch (BrokenPipeException e)
            {
                results.Add(e.Message);
            }
        });

        Assert.That(results, Is.EqualTo(new[] { "2", "[Errno 32] Broken pipe" }));
    }

    [Test]
    public void Connect_FullBacklog_WaitsUntilAcceptAndPortsFollowConnectOrder()
    {
        var peers = new List<string>();
        var r = Run(async sim =>
        {
            var l = await sim.ListenAsync(80, 1);
            var t = await sim.CreateThreadAsync(async () =>
            {
                for (var i = 0; i < 3; i++)
                {
                    peers.Add((await l.AcceptAsync()).Peer.ToString());
                }
            }, name: "acceptor");
            for (var i = 0; i < 3; i++)
            {
                await sim.ConnectAsync("127.0.0.1", 80);
                if (i == 0)
                {
                    await t.StartAsync();
                }
            }
        });

        Assert.That(r.Violations, Is.Empty);
        Assert.That(peers, Is.EqualTo(new[] { "('127.0.0.1', 50000)", "('127.0.0.1', 50001)", "('127.0.0.1', 50002)" }));
    }

    [Test]
    public void Explore_OneSplitOfThreeBytes_FirstRecvSeesEveryCut()
    {
        // Independently: cuts of "abc" at 1, 1 (half) and 2, or none: first reads "a", "ab", "abc".
        var seen = new HashSet<string>();
        for (var strategySeed = 0; strategySeed < 40; strategySeed++)
        {
            var rec = BuiltInExecutor.Run(new LambdaScenario(async sim =>
            {
                sim.ConfigureNetwork(new NetworkOptions { SegmentBudget = 1 });
                var l = await sim.ListenAsync(80, 5);
                var c = await sim.ConnectAsync("127.0.0.1", 80);
                var (s, _) = await l.AcceptAsync();
                await c.SendAsync(B("abc"));
                await sim.PrintAsync(Encoding.ASCII.GetString(await s.RecvAsync(10)));
            }), new RandomStrategy(strategySeed)).Record;
            seen.UnionWith(rec.Output.Select(o => o.Text));
        }

        Assert.That(seen, Is.EquivalentTo(new[] { "a", "ab", "abc" }));
    }

    [Test]
    public void Explore_OneFault_GivesRefuseDelayResetOrNone()
    {
        // Independently: one fault among connect (refuse, delay 1 s) and the first send (reset), or none.
        var seen = new HashSet<string>();
        for (var seed = 0; seed < 60; seed++)
        {
            var rec = BuiltInExecutor.Run(new LambdaScenario(async sim =>
            {
                sim.ConfigureNetwork(new NetworkOptions { FaultBudget = 1 });
                var l = await sim.ListenAsync(80, 5);
                try
                {
                    var c = await sim.ConnectAsync("127.0.0.1", 80);
                    await c.SendAsync(B("x"));
                    await sim.PrintAsync($"sent at {sim.Now}");
                }
                catch (SocketErrorException e)
                {
                    await sim.PrintAsync(e.Message);
                }
            }), new RandomStrategy(seed)).Record;
            seen.UnionWith(rec.Output.Select(o => o.Text));
        }

        Assert.That(seen, Is.EquivalentTo(new[] { "sent at 0", "sent at 1", "[Errno 111] Connection refused", "[Errno 104] Connection reset by peer" }));
    }

    [Test]
    public void Explore_EchoUpperOneClientTwoMessagesOneSplit_FindsWholeRepliesOnly()
    {
        var report = Explore("EchoUpper", "clients=1;messages=2;segments=1");
        Assert.That(report.Complete, Is.True);
        Assert.That(report.Violations.Select(v => v.Invariant).Distinct(), Is.EqualTo(new[] { "whole-replies" }));
    }

    [Test]
    public void Explore_EchoUpperSmallBuffer_FindsStreamIntegrity()
    {
        var report = Explore("EchoUpper", "clients=1;messages=2;segments=1;bufferSize=32");
        Assert.That(report.Violations.Select(v => v.Invariant), Does.Contain("stream-integrity"));
    }

    [Test]
    public void Explore_EchoUpperFixedSmallBuffer_HoldsEveryInvariant()
    {
        var report = Explore("EchoUpperFixed", "clients=1;messages=2;segments=1;bufferSize=32");
        Assert.That(report.Complete, Is.True);
        Assert.That(report.Violations, Is.Empty);
        Assert.That(report.DistinctOutputs, Is.EqualTo(1));
    }

    [Test]
    public void Explore_EchoUpperFixedWithOneFault_ServerSurvives()
    {
        var report = Explore("EchoUpperFixed", "clients=1;messages=1;faults=1");
        Assert.That(report.Violations.Where(v => v.Invariant is "server-survives" or "stream-integrity"), Is.Empty);
    }

    private static ExplorationReport Explore(string scenario, string overrides)
    {
        var info = ScenarioCatalog.Find(s_catalog, scenario);
        var values = info.ResolveParams(ScenarioInfo.ParseOverrides([.. overrides.Split(';')]));
        return Explorer.Explore(info, values, new ExplorationOptions { TracesDirectory = null });
    }
}
