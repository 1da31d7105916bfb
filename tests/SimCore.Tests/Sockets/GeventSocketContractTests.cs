#pragma warning disable CA1861 // expected values read best inline in tests
using System.Text;
using SimHarness.Greenlets;
using SimHarness.Sockets;

namespace SimHarness.Tests.Sockets;

/// <summary>
/// gevent sockets (through <see cref="Monkey.PatchAll"/>) park the calling greenlet in the hub, so the
/// hub's other greenlets run meanwhile; plain sockets block the whole thread. Run on both backends.
/// </summary>
public abstract class GeventSocketContractTests
{
    /// <summary>Runs <paramref name="body"/> as a scenario's main thread on this fixture's backend.</summary>
    protected abstract RunRecord Run(Func<ISim, Task> body);

    private static byte[] B(string s) => Encoding.ASCII.GetBytes(s);

    /// <summary>
    /// Greenlet a accepts and receives; greenlet b logs, yields, logs again and sets an event; the
    /// client sends once that event is set, or after 2 s when b cannot run (no wall-clock race
    /// either way). Returns the log the two greenlets wrote.
    /// </summary>
    private List<string> AcceptRecvBesideAnotherGreenlet(bool patched)
    {
        var log = new List<string>();
        var r = Run(async sim =>
        {
            var hub = Hub.Get(sim);
            var net = patched ? Monkey.PatchAll(sim) : sim;
            var listener = await net.ListenAsync(0, 5);
            var port = listener.LocalAddress.Port;
            var bDone = sim.NewEvent("b done");
            var client = await sim.CreateThreadAsync(
                async () =>
                {
                    var c = await sim.ConnectAsync("127.0.0.1", port);
                    await bDone.WaitAsync(2m);
                    await c.SendAllAsync(B("ping"));
                    await c.CloseAsync();
                },
                name: "client");
            await client.StartAsync();
            var a = await hub.SpawnAsync(async () =>
            {
                var (s, _) = await listener.AcceptAsync();
                log.Add("accepted");
                log.Add("got " + Encoding.ASCII.GetString(await s.RecvAsync(16)));
                await s.CloseAsync();
            });
            var b = await hub.SpawnAsync(async () =>
            {
                log.Add("b runs");
                await hub.SleepAsync(0);
                log.Add("b again");
                await bDone.SetAsync();
            });
            await hub.JoinAllAsync([a, b]);
            await client.JoinAsync();
            await listener.CloseAsync();
        });
        Assert.That(r.Violations, Is.Empty);
        return log;
    }

    [Test]
    [CancelAfter(30_000)]
    public void Recv_OnGeventSocket_LetsTheHubsOtherGreenletsRun()
    {
        var log = AcceptRecvBesideAnotherGreenlet(patched: true);

        Assert.That(log, Has.Count.EqualTo(4));
        Assert.That(log.IndexOf("b again"), Is.LessThan(log.IndexOf("got ping")), string.Join(", ", log));
    }

    [Test]
    [CancelAfter(30_000)]
    public void Recv_OnPlainSocket_BlocksTheWholeThread()
    {
        var log = AcceptRecvBesideAnotherGreenlet(patched: false);

        Assert.That(log, Is.EqualTo(new[] { "accepted", "got ping", "b runs", "b again" }));
    }
}

/// <summary>gevent sockets on the simulated network and virtual clock.</summary>
public sealed class SimulatedGeventSocketContractTests : GeventSocketContractTests
{
    /// <inheritdoc />
    protected override RunRecord Run(Func<ISim, Task> body) =>
        SimHarness.Exploration.BuiltInExecutor.Run(new Contracts.LambdaScenario(body), new SimHarness.Exploration.CanonicalStrategy()).Record;
}

/// <summary>gevent sockets on loopback TCP and wall-clock time.</summary>
[Category("Real")]
public sealed class RealGeventSocketContractTests : GeventSocketContractTests
{
    /// <inheritdoc />
    protected override RunRecord Run(Func<ISim, Task> body) =>
        SimHarness.Real.RealExecutor.Run(new Contracts.LambdaScenario(body), TimeSpan.FromSeconds(20));
}
