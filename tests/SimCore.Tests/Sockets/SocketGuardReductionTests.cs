using System.Text;
using SimHarness.Sockets;
using SimHarness.Tests.Exploration;
using SimHarness.Tests.Exploration.StateCaching;

namespace SimHarness.Tests.Sockets;

/// <summary>
/// Plain sockets whose calls would block are not offered to the scheduler (SocketGuard). Each
/// scenario makes the order of a guarded call against the step that enables it decide what is
/// printed: a guard that read something its step does not declare, or the reduction treating an
/// enabling step as reversible, would lose a transcript. The reduced search, with and without state
/// caching, must find exactly what the search over every interleaving finds.
/// </summary>
public class SocketGuardReductionTests
{
    private static readonly bool[] CacheSettings = [true, false];

    private static IEnumerable<TestCaseData> Scenarios() =>
        new[] { typeof(BacklogOfOne), typeof(FullBuffer), typeof(RecvMeetsClose), typeof(TwoReaders), typeof(ListenerCloseMeetsSend) }
            .SelectMany(t => CacheSettings.Select(cache =>
                new TestCaseData(t, cache).SetName($"Reduction_On{t.Name}_{(cache ? "WithStateCache" : "WithoutStateCache")}_FindsEveryTranscriptOfTheFullSearch")));

    [TestCaseSource(nameof(Scenarios))]
    public void Reduction_FindsEveryTranscriptOfTheFullSearch(Type scenario, bool cache)
    {
        var (full, sut) = DigestBreakerTests.AssertReductionFindsEveryOutcome(scenario, cache);

        Assert.That(sut.Schedules, Is.LessThan(full.Schedules), "the guards should save runs");
    }

    /// <summary>A client socket connected to port 7000 and the server's end of the connection.</summary>
    internal static async Task<(TcpSocket Client, TcpSocket Server)> ConnectedPairAsync(ISim sim)
    {
        var listener = await sim.ListenAsync(7000, 1);
        var client = await sim.ConnectAsync("127.0.0.1", 7000);
        var (server, _) = await listener.AcceptAsync();
        return (client, server);
    }

    private static async Task<SimThread> StartAsync(ISim sim, string name, Func<Task> body)
    {
        var t = await sim.CreateThreadAsync(body, name);
        await t.StartAsync();
        return t;
    }

    /// <summary>A backlog of one: the second connect waits for the server's first accept; each side prints when its call returns.</summary>
    private sealed class BacklogOfOne : AnyOutputScenario
    {
        public override string Description => "two connects into a backlog of one";

        public override async Task RunAsync(ISim sim)
        {
            var listener = await sim.ListenAsync(7000, 1);
            var a = await StartAsync(sim, "a", async () =>
            {
                await sim.ConnectAsync("127.0.0.1", 7000);
                await sim.PrintAsync("a connected");
            });
            var b = await StartAsync(sim, "b", async () =>
            {
                await sim.ConnectAsync("127.0.0.1", 7000);
                await sim.PrintAsync("b connected");
            });
            for (var i = 0; i < 2; i++)
            {
                var (_, peer) = await listener.AcceptAsync();
                await sim.PrintAsync($"accepted {peer.Port}");
            }

            await a.JoinAsync();
            await b.JoinAsync();
        }
    }

    /// <summary>A two-byte buffer: the writer's second send waits for the reader; a third thread prints meanwhile.</summary>
    private sealed class FullBuffer : AnyOutputScenario
    {
        public override string Description => "a send that waits for room";

        public override async Task RunAsync(ISim sim)
        {
            sim.ConfigureNetwork(new NetworkOptions { BufferSize = 2 });
            var (client, server) = await ConnectedPairAsync(sim);
            var writer = await StartAsync(sim, "writer", async () =>
            {
                await client.SendAllAsync("abcd"u8.ToArray());
                await sim.PrintAsync("sent");
            });
            var other = await StartAsync(sim, "other", () => sim.PrintAsync("other"));
            var got = new StringBuilder();
            while (got.Length < 4)
            {
                got.Append(Encoding.ASCII.GetString(await server.RecvAsync(1)));
                await sim.PrintAsync($"got {got}");
            }

            await writer.JoinAsync();
            await other.JoinAsync();
        }
    }

    /// <summary>A reader waits for bytes that may come before or after the peer's close; a bystander prints once.</summary>
    private sealed class RecvMeetsClose : AnyOutputScenario
    {
        public override string Description => "a recv that ends with bytes or end of stream";

        public override async Task RunAsync(ISim sim)
        {
            var (client, server) = await ConnectedPairAsync(sim);
            var reader = await StartAsync(sim, "reader", async () =>
            {
                var first = await client.RecvAsync(8);
                var second = await client.RecvAsync(8);
                await sim.PrintAsync($"read '{Encoding.ASCII.GetString(first)}' then '{Encoding.ASCII.GetString(second)}'");
            });
            var bystander = await StartAsync(sim, "bystander", () => sim.PrintAsync("bystander"));
            await server.SendAsync("x"u8.ToArray());
            await server.CloseAsync();
            await reader.JoinAsync();
            await bystander.JoinAsync();
        }
    }

    /// <summary>Two threads wait in recv(1) on one socket before the peer sends: which gets which byte is decided by the order of their recvs.</summary>
    private sealed class TwoReaders : AnyOutputScenario
    {
        public override string Description => "two readers of one socket";

        public override async Task RunAsync(ISim sim)
        {
            var (client, server) = await ConnectedPairAsync(sim);
            var readers = new List<SimThread>();
            foreach (var name in new[] { "r1", "r2" })
            {
                readers.Add(await StartAsync(sim, name, async () =>
                {
                    var got = Encoding.ASCII.GetString(await server.RecvAsync(1));
                    await sim.PrintAsync($"{name} got {got}");
                }));
            }

            await client.SendAllAsync("ab"u8.ToArray());
            foreach (var r in readers)
            {
                await r.JoinAsync();
            }
        }
    }

    /// <summary>
    /// A connection still in the backlog when its listener closes is reset: the client's send on it
    /// succeeds before the close and fails after it, though the close declares only the port table.
    /// </summary>
    private sealed class ListenerCloseMeetsSend : AnyOutputScenario
    {
        public override string Description => "a send on a connection in the backlog against the listener's close";

        public override async Task RunAsync(ISim sim)
        {
            var listener = await sim.ListenAsync(7000, 2);
            var c = await StartAsync(sim, "c", async () =>
            {
                TcpSocket client;
                try
                {
                    client = await sim.ConnectAsync("127.0.0.1", 7000);
                }
                catch (SocketErrorException e)
                {
                    await sim.PrintAsync($"connect: {e.GetType().Name}");
                    return;
                }

                try
                {
                    await client.SendAsync("x"u8.ToArray());
                    await sim.PrintAsync("sent");
                }
                catch (SocketErrorException e)
                {
                    await sim.PrintAsync($"send: {e.GetType().Name}");
                }
            });
            var s = await StartAsync(sim, "s", listener.CloseAsync);
            await c.JoinAsync();
            await s.JoinAsync();
        }
    }
}
