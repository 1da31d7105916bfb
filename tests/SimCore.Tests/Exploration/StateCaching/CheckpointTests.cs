using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Greenlets;

namespace SimHarness.Tests.Exploration.StateCaching;

/// <summary>
/// <see cref="ISim.Checkpoint"/>: a declared checkpoint lets runs that observed different things but
/// hold the same live values meet, without losing what the full search finds; a checkpoint that leaves
/// a live value out is trusted and loses a transcript (which shows the declaration is what the digest
/// uses); in a hub's greenlets, a checkpoint of one greenlet keeps every other greenlet's observations.
/// </summary>
public class CheckpointTests
{
    [Test]
    public void Checkpoint_WithEveryLiveValue_KeepsEveryTranscriptInFewerStates()
    {
        var (_, declared) = DigestBreakerTests.AssertReductionFindsEveryOutcome(typeof(SumDeclared), cache: true);
        var (_, history) = DigestBreakerTests.AssertReductionFindsEveryOutcome(typeof(SumByHistory), cache: true);

        Assert.Multiple(() =>
        {
            Assert.That(DigestBreakerTests.Transcripts(declared), Is.EquivalentTo(DigestBreakerTests.Transcripts(history)));
            Assert.That(declared.States, Is.LessThan(history.States), "runs that read (0, 1) and (1, 0) hold the same sum and should meet");
        });
    }

    [Test]
    public void Checkpoint_LeavingOutALiveValue_IsTrustedAndLosesATranscript()
    {
        var info = new ScenarioInfo(typeof(SumForgotten));
        var values = info.ResolveParams(null);
        var full = DigestBreakerTests.Explore(info, values, reduction: false, cache: false);
        var cached = DigestBreakerTests.Explore(info, values, reduction: true, cache: true);
        var uncached = DigestBreakerTests.Explore(info, values, reduction: true, cache: false);

        Assert.Multiple(() =>
        {
            Assert.That(DigestBreakerTests.Transcripts(uncached), Is.EquivalentTo(DigestBreakerTests.Transcripts(full)), "without caching a checkpoint changes nothing");
            Assert.That(DigestBreakerTests.Transcripts(full).Except(DigestBreakerTests.Transcripts(cached)), Is.Not.Empty, "a wrong declaration merges states that differ");
        });
    }

    [Test]
    public void IgnoreCheckpoints_FindsWhatAWrongDeclarationHides()
    {
        var info = new ScenarioInfo(typeof(SumForgotten));
        var values = info.ResolveParams(null);
        var full = DigestBreakerTests.Explore(info, values, reduction: false, cache: false);
        var ignoring = Explorer.Explore(info, values, new ExplorationOptions { IgnoreCheckpoints = true, TracesDirectory = null, MaxOutcomes = int.MaxValue });

        Assert.Multiple(() =>
        {
            Assert.That(ignoring.StateCaching, Is.EqualTo("on, checkpoints ignored"));
            Assert.That(ignoring.Complete, Is.True);
            Assert.That(DigestBreakerTests.Transcripts(ignoring), Is.EquivalentTo(DigestBreakerTests.Transcripts(full)));
        });
    }

    [Test]
    public void Cli_IgnoreCheckpoints_SaysSoInTheReport()
    {
        var dir = Directory.CreateTempSubdirectory("simharness-checkpoints-");
        try
        {
            var json = Path.Combine(dir.FullName, "r.json");
            var sut = SimHarness.Tests.Cli.CliInvocation.Of("explore", "EchoUpperFixed", "--param", "clients=1;messages=1", "--ignore-checkpoints", "--json", json);
            var declared = SimHarness.Tests.Cli.CliInvocation.Of("explore", "EchoUpperFixed", "--param", "clients=1;messages=1", "--json", json + ".declared");

            Assert.Multiple(() =>
            {
                Assert.That(sut.ExitCode, Is.EqualTo(0), sut.Error);
                Assert.That(File.ReadAllText(json), Does.Contain("\"stateCaching\": \"on, checkpoints ignored\""));
                Assert.That(declared.ExitCode, Is.EqualTo(0), declared.Error);
                Assert.That(File.ReadAllText(json + ".declared"), Does.Contain("\"stateCaching\": \"on\""));
            });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void Checkpoint_InOneGreenlet_KeepsWhatTheOtherGreenletsObserved() =>
        DigestBreakerTests.AssertReductionFindsEveryOutcome(typeof(GreenletReadsBeforeCheckpoint), cache: true);

    [Test]
    public void Checkpoint_InOneGreenlet_KeepsASiblingsStateItRead() =>
        DigestBreakerTests.AssertReductionFindsEveryOutcome(typeof(GreenletReadsSiblingReady), cache: true);

    [Test]
    public void Checkpoint_InOneGreenlet_KeepsTheOrderAJoinAllReturned() =>
        DigestBreakerTests.AssertReductionFindsEveryOutcome(typeof(GreenletJoinAllOrder), cache: true);

    [Test]
    public void Checkpoint_InOneGreenlet_KeepsTheValueAJoinReturned() =>
        DigestBreakerTests.AssertReductionFindsEveryOutcome(typeof(GreenletJoinResult), cache: true);

    /// <summary>
    /// The echo scenarios declare checkpoints in their client, accept and talk loops: at sizes where
    /// the search without caching completes (two clients with partial sends, and the explore sizes
    /// with a segmentation choice), the cached search finds exactly its transcripts and violations.
    /// </summary>
    [TestCase("EchoUpper", "clients=2;messages=1;segments=0;bufferSize=8")]
    [TestCase("EchoUpper", "clients=1;messages=2;segments=1;bufferSize=32")]
    [TestCase("EchoUpperFixed", "clients=1;messages=2;segments=1;bufferSize=32")]
    public void Checkpoint_InTheEchoScenarios_KeepsEveryOutcomeOfTheUncachedSearch(string scenario, string overrides)
    {
        var (info, values) = SmallParams.Resolve(scenario, overrides);
        var uncached = DigestBreakerTests.Explore(info, values, reduction: true, cache: false);
        var cached = DigestBreakerTests.Explore(info, values, reduction: true, cache: true);

        Assert.Multiple(() =>
        {
            Assert.That(uncached.Complete && cached.Complete, Is.True);
            Assert.That(cached.StateCaching, Is.EqualTo("on"));
            Assert.That(DigestBreakerTests.Transcripts(cached), Is.EquivalentTo(DigestBreakerTests.Transcripts(uncached)));
            Assert.That(cached.Violations.Select(v => (v.Invariant, v.Message)), Is.EquivalentTo(uncached.Violations.Select(v => (v.Invariant, v.Message))));
        });
    }

    /// <summary>
    /// A reader reads x then y while two writers set each to 1; the sum it prints at the end can be
    /// reached by two orders of reads (0+1, 1+0). The subclasses declare (or not) a checkpoint after the reads.
    /// </summary>
    private abstract class SumScenario : AnyOutputScenario
    {
        public override string Description => "a sum of two racy reads printed late";

        protected abstract void AfterReads(ISim sim, int sum);

        public override async Task RunAsync(ISim sim)
        {
            var x = sim.NewValue(0);
            var y = sim.NewValue(0);
            var done = sim.NewEvent();
            var threads = await Vocabulary.VocabularyReductionTests.StartAllAsync(
                sim,
                async () =>
                {
                    var sum = await x.ReadAsync() + await y.ReadAsync();
                    AfterReads(sim, sum);
                    await done.WaitAsync();
                    await sim.PrintAsync($"sum {sum}");
                },
                () => x.WriteAsync(1),
                () => y.WriteAsync(1));
            await threads[1].JoinAsync();
            await threads[2].JoinAsync();
            await done.SetAsync();
            await threads[0].JoinAsync();
        }
    }

    private sealed class SumByHistory : SumScenario
    {
        protected override void AfterReads(ISim sim, int sum)
        {
        }
    }

    private sealed class SumDeclared : SumScenario
    {
        protected override void AfterReads(ISim sim, int sum) => sim.Checkpoint("after reads", w => w.Add(sum));
    }

    /// <summary>Declares the checkpoint without the sum it goes on printing: a wrong declaration.</summary>
    private sealed class SumForgotten : SumScenario
    {
        protected override void AfterReads(ISim sim, int sum) => sim.Checkpoint("after reads");
    }

    /// <summary>
    /// A thread runs a hub with two greenlets: the first declares a checkpoint (so the thread is
    /// described greenlet by greenlet) and yields; the second reads a value another thread writes, in a
    /// race, and prints it only after the writer has finished. Its chain is all that tells the two
    /// reads apart meanwhile.
    /// </summary>
    private sealed class GreenletReadsBeforeCheckpoint : AnyOutputScenario
    {
        public override string Description => "a greenlet's racy read kept while another greenlet checkpoints";

        public override async Task RunAsync(ISim sim)
        {
            var x = sim.NewValue(0);
            var written = sim.NewEvent();
            var threads = await Vocabulary.VocabularyReductionTests.StartAllAsync(
                sim,
                async () =>
                {
                    var hub = Hub.Get(sim);
                    var other = await hub.SpawnAsync(async () =>
                    {
                        sim.Checkpoint("other");
                        await hub.SleepAsync(0);
                    });
                    var reader = await hub.SpawnAsync(async () =>
                    {
                        var seen = await x.ReadAsync();
                        await written.WaitAsync();
                        await sim.PrintAsync($"read {seen}");
                    });
                    await reader.JoinAsync();
                    await other.JoinAsync();
                },
                async () =>
                {
                    await x.WriteAsync(1);
                    await written.SetAsync();
                });
            foreach (var t in threads)
            {
                await t.JoinAsync();
            }
        }
    }

    /// <summary>
    /// A thread named <c>hub</c> whose hub explores every order of greenlets ready at one instant
    /// (<see cref="Hub.ExploreTies"/>); main waits for it, and it waits for the greenlet the subclass returns.
    /// </summary>
    private abstract class TiesScenario : AnyOutputScenario
    {
        protected abstract Task<HubGreenlet> SpawnAsync(ISim sim, Hub hub);

        public override async Task RunAsync(ISim sim)
        {
            var t = await sim.CreateThreadAsync(
                async () =>
                {
                    var hub = Hub.Get(sim);
                    hub.ExploreTies = true;
                    await (await SpawnAsync(sim, hub)).JoinAsync();
                },
                "hub");
            await t.StartAsync();
            await t.JoinAsync();
        }
    }

    /// <summary>
    /// Two greenlets start in either order (<see cref="Hub.ExploreTies"/>): the sibling declares a
    /// checkpoint and ends at once, the reader declares one and reads whether the sibling has ended,
    /// then prints it a second later. The read is not a step: only the reader's chain keeps it.
    /// </summary>
    private sealed class GreenletReadsSiblingReady : TiesScenario
    {
        public override string Description => "a sibling's ready() read without a step, kept after a checkpoint";

        protected override async Task<HubGreenlet> SpawnAsync(ISim sim, Hub hub)
        {
            var sibling = await hub.SpawnAsync(() =>
            {
                sim.Checkpoint("sibling");
                return Task.CompletedTask;
            });
            var reader = await hub.SpawnAsync(async () =>
            {
                sim.Checkpoint("reader");
                var ended = sibling.Ready;
                await hub.SleepAsync(1);
                await sim.PrintAsync($"ready {ended}");
            });
            return reader;
        }
    }

    /// <summary>
    /// A joiner declares a checkpoint and waits for two siblings with joinall; the siblings, each
    /// declaring a checkpoint, end in either order (<see cref="Hub.ExploreTies"/>), which is the order
    /// joinall returns them in. The joiner prints that order a second later.
    /// </summary>
    private sealed class GreenletJoinAllOrder : TiesScenario
    {
        public override string Description => "the order joinall returned, kept after a checkpoint";

        protected override async Task<HubGreenlet> SpawnAsync(ISim sim, Hub hub)
        {
            var pair = new List<HubGreenlet>();
            var joiner = await hub.SpawnAsync(async () =>
            {
                sim.Checkpoint("joiner");
                var ended = await hub.JoinAllAsync(pair);
                await hub.SleepAsync(1);
                await sim.PrintAsync("ended " + string.Join(" ", ended.Select(g => g.Name)));
            });
            for (var i = 0; i < 2; i++)
            {
                var point = $"sibling {i}";
                pair.Add(await hub.SpawnAsync(() =>
                {
                    sim.Checkpoint(point);
                    return Task.CompletedTask;
                }));
            }

            return joiner;
        }
    }

    /// <summary>
    /// A greenlet declares a checkpoint, then joins a sibling with a timeout that expires at the instant
    /// the sibling ends; with <see cref="Hub.ExploreTies"/> either comes first, so the join returns true
    /// or false at the same time, and the sibling declares a checkpoint before it ends. The value is
    /// switched into the joiner (it is in its chain), which prints it one second later: until then the
    /// two runs differ in that value only.
    /// </summary>
    private sealed class GreenletJoinResult : TiesScenario
    {
        public override string Description => "a join's value kept after a checkpoint";

        protected override async Task<HubGreenlet> SpawnAsync(ISim sim, Hub hub)
        {
            var sibling = await hub.SpawnAsync(async () =>
            {
                await hub.SleepAsync(1);
                sim.Checkpoint("sibling done");
            });
            var joiner = await hub.SpawnAsync(async () =>
            {
                sim.Checkpoint("before join");
                var ended = await sibling.JoinAsync(timeoutSeconds: 1);
                await hub.SleepAsync(1);
                await sim.PrintAsync($"joined {ended}");
            });
            return joiner;
        }
    }
}
