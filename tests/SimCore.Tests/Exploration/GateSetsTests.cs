using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Sockets;

namespace SimHarness.Tests.Exploration;

/// <summary>
/// The built-in scheduler keeps its enabled and disabled parked threads up to date from step to
/// step (GateSets) instead of testing every guard at every decision. With verification on, every
/// refresh is compared with a test of every parked thread's guard and a difference throws: each
/// catalog scenario is searched that way, with and without the reduction.
/// </summary>
public class GateSetsTests
{
    private static IEnumerable<TestCaseData> Cases() => SmallParams.Cases(nameof(Refresh_OnEveryScenario_AgreesWithTestingEveryGuard));

    [TestCaseSource(nameof(Cases))]
    public void Refresh_OnEveryScenario_AgreesWithTestingEveryGuard(string scenario, string? overrides)
    {
        var (info, values) = SmallParams.Resolve(scenario, overrides);
        GateSets.Verify = true;
        try
        {
            var reduced = CatalogReductionTests.Explore(info, values, reduction: true);
            var full = CatalogReductionTests.Explore(info, values, reduction: false, cap: 2_000);

            Assert.Multiple(() =>
            {
                Assert.That(reduced.Complete, Is.True);
                Assert.That(reduced.Schedules, Is.GreaterThan(0));
                Assert.That(full.Schedules, Is.GreaterThan(0));
            });
        }
        finally
        {
            GateSets.Verify = false;
        }
    }

    /// <summary>
    /// The two ways a disabled guard turns enabled without a step on its object: time passing its
    /// deadline (a timed acquire of a held lock) and the world dropping every cached test (a
    /// listener's close resets the connection a reader waits on).
    /// </summary>
    [TestCase(typeof(TimedAcquire), "acquired: False")]
    [TestCase(typeof(BacklogReader), "reader: ConnectionResetException")]
    public void Refresh_WhenAGuardTurnsEnabledWithoutAStepOnItsObject_OffersTheThread(Type scenario, string line)
    {
        var info = new ScenarioInfo(scenario);
        GateSets.Verify = true;
        try
        {
            var sut = CatalogReductionTests.Explore(info, info.ResolveParams(null), reduction: true);

            Assert.Multiple(() =>
            {
                Assert.That(sut.Complete, Is.True);
                Assert.That(sut.Violations, Is.Empty);
                Assert.That(sut.Outcomes.SelectMany(o => o.Output), Does.Contain(line));
            });
        }
        finally
        {
            GateSets.Verify = false;
        }
    }

    private sealed class TimedAcquire : AnyOutputScenario
    {
        public override string Description => "a timed acquire of a lock held past its timeout";

        public override async Task RunAsync(ISim sim)
        {
            var l = sim.NewLock();
            await l.AcquireAsync();
            var t = await sim.CreateThreadAsync(async () => await sim.PrintAsync($"acquired: {await l.AcquireAsync(timeout: 1)}"), "waiter");
            await t.StartAsync();
            await sim.SleepAsync(2);
            await l.ReleaseAsync();
            await t.JoinAsync();
        }
    }

    private sealed class BacklogReader : AnyOutputScenario
    {
        public override string Description => "a reader of a connection nobody accepted, when the listener closes";

        public override async Task RunAsync(ISim sim)
        {
            var listener = await sim.ListenAsync(80, 5);
            var c = await sim.ConnectAsync("127.0.0.1", 80);
            var reader = await sim.CreateThreadAsync(async () =>
            {
                try
                {
                    await c.RecvAsync(10);
                    await sim.PrintAsync("reader: data");
                }
                catch (SocketErrorException e)
                {
                    await sim.PrintAsync($"reader: {e.GetType().Name}");
                }
            }, "reader");
            await reader.StartAsync();
            await sim.SleepAsync(1);
            await listener.CloseAsync();
            await reader.JoinAsync();
        }
    }
}
