using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Sockets;

namespace SimHarness.Tests.Exploration.StateCaching;

/// <summary>
/// Scenarios built so that two interleavings reach states that differ in one part only (what a thread
/// observed, a queue's items, a socket's buffered bytes, an armed timer) and then print something that
/// depends on it. A digest that left that part out would merge the two states and lose a transcript:
/// each test compares the state-cached search with the search over every interleaving.
/// </summary>
public class DigestBreakerTests
{
    private static IEnumerable<TestCaseData> Breakers() =>
        new[] { typeof(ObservedValue), typeof(QueueItems), typeof(SocketBytes), typeof(ArmedTimer) }
            .Select(t => new TestCaseData(t).SetName($"StateCache_On{t.Name}_KeepsEveryTranscriptOfTheFullSearch"));

    [TestCaseSource(nameof(Breakers))]
    public void StateCache_KeepsEveryTranscriptOfTheFullSearch(Type breaker)
    {
        var info = new ScenarioInfo(breaker);
        var values = info.ResolveParams(null);

        var full = Explore(info, values, reduction: false, cache: false);
        var sut = Explore(info, values, reduction: true, cache: true);

        Assert.Multiple(() =>
        {
            Assert.That(sut.StateCaching, Is.EqualTo("on"));
            Assert.That(full.Complete && sut.Complete, Is.True);
            Assert.That(Transcripts(full), Has.Count.GreaterThan(1), "the scenario should have several outcomes");
            Assert.That(Transcripts(sut), Is.EquivalentTo(Transcripts(full)));
            Assert.That(sut.States, Is.GreaterThan(0));
        });
    }

    internal static ExplorationReport Explore(ScenarioInfo info, IReadOnlyDictionary<string, object> values, bool reduction, bool cache) =>
        Explorer.Explore(info, values, new ExplorationOptions { Reduction = reduction, StateCache = cache, TracesDirectory = null, MaxOutcomes = int.MaxValue, Iterations = 200_000 });

    /// <summary>
    /// Explores <paramref name="scenario"/> over every interleaving and with the reduction (state
    /// caching on or off); asserts both complete, with several transcripts, and that the reduced
    /// search finds exactly the transcripts and violations of the full one.
    /// </summary>
    internal static (ExplorationReport Full, ExplorationReport Sut) AssertReductionFindsEveryOutcome(Type scenario, bool cache)
    {
        var info = new ScenarioInfo(scenario);
        var values = info.ResolveParams(null);
        var full = Explore(info, values, reduction: false, cache: false);
        var sut = Explore(info, values, reduction: true, cache: cache);
        Assert.Multiple(() =>
        {
            Assert.That(full.Complete && sut.Complete, Is.True);
            Assert.That(Transcripts(full), Has.Count.GreaterThan(1), "the scenario should have several outcomes");
            Assert.That(Transcripts(sut), Is.EquivalentTo(Transcripts(full)));
            Assert.That(sut.Violations.Select(v => v.Message), Is.EquivalentTo(full.Violations.Select(v => v.Message)));
        });
        return (full, sut);
    }

    internal static HashSet<string> Transcripts(ExplorationReport r) => r.Outcomes.Select(o => string.Join('\n', o.Output)).ToHashSet(StringComparer.Ordinal);

    private static async Task RunAllAsync(ISim sim, params Func<Task>[] bodies)
    {
        foreach (var t in await Vocabulary.VocabularyReductionTests.StartAllAsync(sim, bodies))
        {
            await t.JoinAsync();
        }
    }

    /// <summary>A reader reads before or after a writer, then prints what it read after both are done: only its observation differs meanwhile.</summary>
    private sealed class ObservedValue : Scenario
    {
        public override string Description => "a value read early and printed late";

        public override async Task RunAsync(ISim sim)
        {
            var x = sim.NewValue(0);
            var done = sim.NewEvent();
            await RunAllAsync(
                sim,
                async () =>
                {
                    var seen = await x.ReadAsync();
                    await done.WaitAsync();
                    await sim.PrintAsync($"read {seen}");
                },
                async () =>
                {
                    await x.WriteAsync(1);
                    await done.SetAsync();
                });
        }

        public override IEnumerable<Invariant> Invariants => [Invariant.OverOutput("none", "holds", _ => null)];
    }

    /// <summary>Two threads put one item each and finish; main takes both afterwards: only the queue's order differs.</summary>
    private sealed class QueueItems : Scenario
    {
        public override string Description => "two puts in either order, read after both finished";

        public override async Task RunAsync(ISim sim)
        {
            var q = sim.NewQueue<string>();
            await RunAllAsync(sim, () => q.PutAsync("a"), () => q.PutAsync("b"));
            await sim.PrintAsync(await q.GetAsync() + await q.GetAsync());
        }

        public override IEnumerable<Invariant> Invariants => [Invariant.OverOutput("none", "holds", _ => null)];
    }

    /// <summary>Two threads send one byte each on one connection and finish; main reads both afterwards: only the buffer differs.</summary>
    private sealed class SocketBytes : Scenario
    {
        public override string Description => "two sends in either order, received after both finished";

        public override async Task RunAsync(ISim sim)
        {
            var (client, server) = await SimHarness.Tests.Sockets.SocketGuardReductionTests.ConnectedPairAsync(sim);
            await RunAllAsync(sim, () => client.SendAllAsync("x"u8.ToArray()), () => client.SendAllAsync("y"u8.ToArray()));
            var got = new List<byte>();
            while (got.Count < 2)
            {
                got.AddRange(await server.RecvAsync(2));
            }

            await sim.PrintAsync(System.Text.Encoding.ASCII.GetString(got.ToArray()));
        }

        public override IEnumerable<Invariant> Invariants => [Invariant.OverOutput("none", "holds", _ => null)];
    }

    /// <summary>
    /// A sleeper arms its timer before or after a setter runs, and the setter finishes; the sleeper then
    /// prints the time it woke at. Whether the timer is armed for 1 or 2 is what differs.
    /// </summary>
    private sealed class ArmedTimer : Scenario
    {
        public override string Description => "a sleep armed for a length chosen by a race";

        public override async Task RunAsync(ISim sim)
        {
            var flag = sim.NewEvent();
            await RunAllAsync(
                sim,
                async () =>
                {
                    await sim.SleepAsync(await flag.IsSetAsync() ? 2 : 1);
                    await sim.PrintAsync($"woke at {sim.Now}");
                },
                () => flag.SetAsync());
        }

        public override IEnumerable<Invariant> Invariants => [Invariant.OverOutput("none", "holds", _ => null)];
    }
}
