using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Real;
using SimHarness.Tests.Contracts;
using SimHarness.Threading;

namespace SimHarness.Tests.Vocabulary;

/// <summary><see cref="SharedValue{T}"/>: each read and write is a step, logged, and declared so the reduction keeps exactly the orders that matter.</summary>
public class SharedValueTests
{
    [Test]
    public void ReadAsync_AfterWrite_ReturnsTheValueAndLogsBothSteps()
    {
        var read = -1;
        var sut = BuiltInExecutor.Run(
            new LambdaScenario(async sim =>
            {
                var counter = sim.NewValue(0, "counter");
                await counter.WriteAsync(5);
                read = await counter.ReadAsync();
            }),
            new CanonicalStrategy()).Record;

        Assert.That(read, Is.EqualTo(5));
        Assert.That(sut.Events.Where(e => e.Target?.StartsWith("counter#", StringComparison.Ordinal) == true).Select(e => $"{e.Op} {e.Result}"), Is.EqualTo(s_writeThenRead));
    }

    [Test]
    public void Explore_TwoReaders_CommuteSoFewerSchedulesThanTwoWriters()
    {
        var sut = Explore(typeof(TwoReaders), "writes=false");
        var writers = Explore(typeof(TwoReaders), "writes=true");

        Assert.That(sut.Complete && writers.Complete, Is.True);
        Assert.That(sut.Schedules, Is.LessThan(writers.Schedules), "reads of one value commute with each other, writes do not");
        Assert.That(sut.Outcomes.Single().Output, Is.EqualTo(s_bothReadZero));
    }

    [Test]
    public void Explore_ReaderAndWriter_ReachesBothOrders()
    {
        var sut = Explore(typeof(ReaderAndWriter));

        Assert.That(sut.Complete, Is.True);
        Assert.That(sut.Outcomes.Select(o => o.Output.Single()), Is.EquivalentTo(s_oldOrNew));
    }

    [Test]
    [Category("Real")]
    [CancelAfter(20_000)]
    public void IncrementUnderLock_OnRealThreads_CountsEveryIncrement()
    {
        var total = -1;
        var sut = RealExecutor.Run(
            new LambdaScenario(async sim =>
            {
                var counter = sim.NewValue(0);
                var guard = sim.NewLock();
                var threads = new List<SimThread>();
                for (var i = 0; i < 4; i++)
                {
                    threads.Add(await sim.CreateThreadAsync(
                        async () =>
                        {
                            for (var k = 0; k < 25; k++)
                            {
                                await guard.AcquireAsync();
                                await counter.WriteAsync(await counter.ReadAsync() + 1);
                                await guard.ReleaseAsync();
                            }
                        },
                        "increment"));
                }

                foreach (var t in threads)
                {
                    await t.StartAsync();
                }

                foreach (var t in threads)
                {
                    await t.JoinAsync();
                }

                total = await counter.ReadAsync();
            }),
            TimeSpan.FromSeconds(10));

        Assert.That(sut.Violations, Is.Empty);
        Assert.That(total, Is.EqualTo(100));
    }

    private static readonly string[] s_writeThenRead = ["write 5", "read 5"];
    private static readonly string[] s_bothReadZero = ["0 0"];
    private static readonly string[] s_oldOrNew = ["0", "1"];

    private static ExplorationReport Explore(Type scenario, params string[] overrides)
    {
        var info = new ScenarioInfo(scenario);
        return Explorer.Explore(info, info.ResolveParams(ScenarioInfo.ParseOverrides(overrides)), new ExplorationOptions { TracesDirectory = null, MaxOutcomes = int.MaxValue });
    }

    /// <summary>Two threads read one value (or each write it back, with <c>writes=true</c>); main joins them and prints what they read.</summary>
    private sealed class TwoReaders : Scenario
    {
        public override string Description => "two readers of one shared value";

        [Param("each thread writes the value back instead of only reading it")]
        public bool Writes { get; set; }

        public override async Task RunAsync(ISim sim)
        {
            var value = sim.NewValue(0);
            var seen = new int[2];
            async Task Touch(int i)
            {
                seen[i] = Writes ? 0 : await value.ReadAsync();
                if (Writes)
                {
                    await value.WriteAsync(0);
                }
            }

            var a = await sim.CreateThreadAsync(() => Touch(0), "touch");
            var b = await sim.CreateThreadAsync(() => Touch(1), "touch");
            await a.StartAsync();
            await b.StartAsync();
            await a.JoinAsync();
            await b.JoinAsync();
            await sim.PrintAsync($"{seen[0]} {seen[1]}");
        }
    }

    /// <summary>One thread writes 1 while another reads; main prints what was read.</summary>
    private sealed class ReaderAndWriter : Scenario
    {
        public override string Description => "a reader racing a writer";

        public override async Task RunAsync(ISim sim)
        {
            var value = sim.NewValue(0);
            var seen = -1;
            var w = await sim.CreateThreadAsync(() => value.WriteAsync(1), "write");
            var r = await sim.CreateThreadAsync(async () => seen = await value.ReadAsync(), "read");
            await w.StartAsync();
            await r.StartAsync();
            await w.JoinAsync();
            await r.JoinAsync();
            await sim.PrintAsync($"{seen}");
        }
    }
}
