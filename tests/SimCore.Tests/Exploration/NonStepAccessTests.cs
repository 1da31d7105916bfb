using SimHarness.Catalog;
using SimHarness.Greenlets;
using SimHarness.Tests.Exploration.StateCaching;
using SimHarness.Threading;

namespace SimHarness.Tests.Exploration;

/// <summary>
/// Reads and writes of shared state that are synchronous properties, not steps: the documented limit
/// of the reduction (docs/state-caching.md, "What no step declares"), one scenario each.
/// </summary>
public class NonStepAccessTests
{
    private static IEnumerable<TestCaseData> NonStepAccesses() =>
        new[] { typeof(ForeignGreenletDead), typeof(MaxsizeReadElsewhere), typeof(ObjectNamesAcrossThreads), typeof(DummyNumberAgainstCreate), typeof(DaemonSetAgainstStart) }
            .Select(t => new TestCaseData(t).SetName($"Reduction_On{t.Name}_LosesAnOrderOfTheFullSearch_DocumentedLimit"));

    /// <summary>
    /// Reads and writes of shared state that are not steps (synchronous properties): no step
    /// declares them, so the reduction cannot order them (docs/state-caching.md, "What no step
    /// declares"). This pins the documented limit: the day one becomes a step, its case moves to
    /// <see cref="CrossObjectReductionTests.Reduction_FindsEveryOutcomeOfTheFullSearch"/>.
    /// </summary>
    [TestCaseSource(nameof(NonStepAccesses))]
    public void Reduction_OnANonStepAccess_LosesAnOrderOfTheFullSearch(Type scenario)
    {
        var info = new ScenarioInfo(scenario);
        var values = info.ResolveParams(null);

        var full = DigestBreakerTests.Transcripts(DigestBreakerTests.Explore(info, values, reduction: false, cache: false));
        var sut = DigestBreakerTests.Transcripts(DigestBreakerTests.Explore(info, values, reduction: true, cache: false));

        Assert.Multiple(() =>
        {
            Assert.That(full.IsSupersetOf(sut), Is.True, "the reduced search found something the full search did not");
            Assert.That(sut, Has.Count.LessThan(full.Count), "the reduction now finds every order: move the case to the sound list");
        });
    }

    /// <summary>A greenlet's <c>dead</c> read from another thread (not a step) before or after its owner finishes it.</summary>
    private sealed class ForeignGreenletDead : AnyOutputScenario
    {
        public override string Description => "greenlet.dead read from another thread";

        public override async Task RunAsync(ISim sim)
        {
            var made = sim.NewEvent();
            Greenlet? g = null;
            await CrossObjectReductionTests.JoinAllAsync(
                sim,
                async () =>
                {
                    g = new Greenlet(sim, async _ =>
                    {
                        await sim.SleepAsync(0);
                        return null;
                    });
                    await made.SetAsync();
                    await g.SwitchAsync();
                },
                async () =>
                {
                    await made.WaitAsync();
                    await sim.SleepAsync(0);
                    var dead = g!.Dead;
                    await sim.SleepAsync(0);
                    await sim.PrintAsync($"dead {dead}");
                });
        }
    }

    /// <summary>A queue's <c>maxsize</c> read (not a step) by one thread while another changes it.</summary>
    private sealed class MaxsizeReadElsewhere : AnyOutputScenario
    {
        public override string Description => "q.maxsize read while another thread sets it";

        public override Task RunAsync(ISim sim)
        {
            var q = sim.NewQueue<int>();
            return CrossObjectReductionTests.JoinAllAsync(
                sim,
                () => q.SetMaxsizeAsync(1),
                async () =>
                {
                    await sim.SleepAsync(0);
                    var m = q.Maxsize;
                    await sim.SleepAsync(0);
                    await sim.PrintAsync($"maxsize {m}");
                });
        }
    }

    /// <summary>Two threads each make a lock (not a step) and print its name, numbered from the world's object counter.</summary>
    private sealed class ObjectNamesAcrossThreads : AnyOutputScenario
    {
        public override string Description => "object numbers taken by two threads";

        public override Task RunAsync(ISim sim)
        {
            async Task MakeAsync(string tag)
            {
                await sim.SleepAsync(0);
                var lk = sim.NewLock();
                await sim.SleepAsync(0);
                await sim.PrintAsync($"{tag} {lk.Name}");
            }

            return CrossObjectReductionTests.JoinAllAsync(sim, () => MakeAsync("x"), () => MakeAsync("y"));
        }
    }

    /// <summary>A greenlet asks for its thread (gevent's <c>Dummy-N</c>, numbered without a step) while another thread creates one.</summary>
    private sealed class DummyNumberAgainstCreate : AnyOutputScenario
    {
        public override string Description => "Dummy-N taken while another thread creates Thread-N";

        public override Task RunAsync(ISim sim)
        {
            return CrossObjectReductionTests.JoinAllAsync(
                sim,
                async () =>
                {
                    var hub = Hub.Get(sim);
                    var g = await hub.SpawnAsync(async () =>
                    {
                        await sim.SleepAsync(0);
                        var name = hub.Patched.CurrentThread.Name;
                        await sim.SleepAsync(0);
                        await sim.PrintAsync(name);
                    });
                    await g.JoinAsync();
                },
                async () =>
                {
                    var t = await sim.CreateThreadAsync(() => Task.CompletedTask, name: null);
                    await sim.PrintAsync(t.Name);
                });
        }
    }

    /// <summary>One thread sets another thread's daemon flag (not a step) while a third starts it: set, or refused as too late.</summary>
    private sealed class DaemonSetAgainstStart : AnyOutputScenario
    {
        public override string Description => "IsDaemon set while another thread starts the thread";

        public override async Task RunAsync(ISim sim)
        {
            var t = await sim.CreateThreadAsync(() => Task.CompletedTask, name: "t");
            await CrossObjectReductionTests.JoinAllAsync(
                sim,
                async () =>
                {
                    await sim.SleepAsync(0);
                    string said;
                    try
                    {
                        t.IsDaemon = true;
                        said = "set";
                    }
                    catch (RuntimeError)
                    {
                        said = "too late";
                    }

                    await sim.PrintAsync(said);
                },
                async () =>
                {
                    await t.StartAsync();
                    await t.JoinAsync();
                });
        }
    }
}
