using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Exploration.Dpor;
using SimHarness.Tests.Vocabulary;

namespace SimHarness.Tests.Exploration.WakeUp;

/// <summary>
/// Wake-up sequences (issue 11, item 3): a run made for a reversed race follows the reversing
/// sequence's threads while they are enabled and awake, and drops the sequence otherwise. Scenarios
/// built so that the sequence's next thread is disabled or asleep must still give the transcripts and
/// violations of the search over every interleaving, and the test checks that they do drop sequences.
/// </summary>
public class WakeUpSequenceTests
{
    private static IEnumerable<TestCaseData> Breakers() =>
        new[] { typeof(QueueLateGetters) }
            .Select(t => new TestCaseData(t).SetName($"WakeUp_On{t.Name}_DropsSequencesAndKeepsEveryTranscript"));

    [TestCaseSource(nameof(Breakers))]
    public void WakeUp_DropsSequencesAndKeepsEveryTranscript(Type breaker)
    {
        var info = new ScenarioInfo(breaker);
        var dropped = Dropped(() => info.Create(info.ResolveParams(null)));

        Assert.That(dropped, Is.GreaterThan(0), "some run met a sequence whose next thread was disabled or asleep");
        IrreversibleRaceTests.AssertAsTheFullSearch(breaker);
    }

    /// <summary>The reduced search run directly, to read how many wake-up sequences it dropped.</summary>
    private static long Dropped(Func<Scenario> create)
    {
        var sut = new DporStrategy(reduction: true);
        sut.Start();
        do
        {
            BuiltInExecutor.Run(create(), sut);
        }
        while (sut.NextRun());

        return sut.WakeUpsDropped;
    }

    /// <summary>
    /// Two getters, each reading a value first, and a putter of two items on one queue: a get that
    /// arrives after a put races it, and where the queue was empty before the put the reversing
    /// sequence ends at a disabled get, so runs made for such races drop their sequences.
    /// </summary>
    private sealed class QueueLateGetters : Scenario
    {
        public override string Description => "two getters, each reading first, and a putter of two items on one queue";

        public override async Task RunAsync(ISim sim)
        {
            var q = sim.NewQueue<int>();
            var x = sim.NewValue(0, "x");
            var bodies = new List<Func<Task>>();
            bodies.Add(async () =>
            {
                await q.PutAsync(1);
                await q.PutAsync(2);
            });
            for (var k = 1; k <= 2; k++)
            {
                bodies.Add(async () =>
                {
                    await x.ReadAsync();
                    await sim.PrintAsync($"got {await q.GetAsync()}");
                });
            }

            foreach (var t in await VocabularyReductionTests.StartAllAsync(sim, [.. bodies]))
            {
                await t.JoinAsync();
            }
        }

        public override IEnumerable<Invariant> Invariants => [Invariant.OverOutput("none", "holds", _ => null)];
    }
}
