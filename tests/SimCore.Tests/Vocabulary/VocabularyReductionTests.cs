using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Threading;

namespace SimHarness.Tests.Vocabulary;

/// <summary>
/// The accesses the primitives declare are sound: on small races over each primitive (timeouts
/// included), exhaustive exploration with partial-order reduction reaches exactly the transcripts
/// and violations that exploring every interleaving without reduction reaches.
/// </summary>
public class VocabularyReductionTests
{
    private static IEnumerable<TestCaseData> Races() =>
        new[] { typeof(LockRace), typeof(SemaphoreRace), typeof(ConditionRace), typeof(QueueRace), typeof(BarrierRace), typeof(TimerRace),
            typeof(EnumerateRace), typeof(IsAliveRace), typeof(ExcepthookRace), typeof(LifoPriorityRace), typeof(MaxsizeRace) }
            .Select(t => new TestCaseData(t).SetName($"Reduction_On{t.Name}_ReachesEveryTranscriptOfTheFullSearch"));

    [TestCaseSource(nameof(Races))]
    public void Reduction_ReachesEveryTranscriptOfTheFullSearch(Type race)
    {
        var info = new ScenarioInfo(race);
        var values = info.ResolveParams(null);

        var full = Explore(info, values, reduction: false);
        var sut = Explore(info, values, reduction: true);

        Assert.Multiple(() =>
        {
            Assert.That(full.Report.Complete && sut.Report.Complete, Is.True);
            Assert.That(full.Transcripts, Has.Count.GreaterThan(1), "the race should have several outcomes");
            Assert.That(sut.Transcripts, Is.EquivalentTo(full.Transcripts));
            Assert.That(Invariants(sut.Report), Is.EqualTo(Invariants(full.Report)));
            Assert.That(sut.Report.Schedules, Is.LessThanOrEqualTo(full.Report.Schedules));
        });
    }

    private static string[] Invariants(ExplorationReport r) => r.Violations.Select(v => v.Invariant).Distinct().Order(StringComparer.Ordinal).ToArray();

    private static (ExplorationReport Report, HashSet<string> Transcripts) Explore(ScenarioInfo info, IReadOnlyDictionary<string, object> values, bool reduction)
    {
        var report = Explorer.Explore(info, values, new ExplorationOptions { Reduction = reduction, TracesDirectory = null, MaxOutcomes = int.MaxValue, Iterations = 200_000 });
        return (report, report.Outcomes.Select(o => string.Join('\n', o.Output)).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Creates one thread per body (target name <c>t</c>), then starts them all in order; returns them.</summary>
    internal static async Task<List<SimThread>> StartAllAsync(ISim sim, params Func<Task>[] bodies)
    {
        var threads = new List<SimThread>();
        foreach (var b in bodies)
        {
            threads.Add(await sim.CreateThreadAsync(b, "t"));
        }

        foreach (var t in threads)
        {
            await t.StartAsync();
        }

        return threads;
    }

    private sealed class LockRace : Scenario
    {
        public override string Description => "a timed, a holding and a non-blocking acquire race";

        public override async Task RunAsync(ISim sim)
        {
            var l = sim.NewLock();
            await StartAllAsync(
                sim,
                async () => await sim.PrintAsync($"timed {await l.AcquireAsync(timeout: 1)}"),
                async () =>
                {
                    await l.AcquireAsync();
                    await sim.SleepAsync(1);
                    await l.ReleaseAsync();
                },
                async () => await sim.PrintAsync($"try {await l.AcquireAsync(false)}"));
        }
    }

    private sealed class SemaphoreRace : Scenario
    {
        public override string Description => "two timed acquires of a bounded semaphore of one";

        public override async Task RunAsync(ISim sim)
        {
            var s = sim.NewBoundedSemaphore(1);
            Func<Task> body = async () =>
            {
                var ok = await s.AcquireAsync(timeout: 1);
                await sim.PrintAsync($"{sim.CurrentThread.Name} {ok}");
                if (ok)
                {
                    await sim.SleepAsync(1);
                    await s.ReleaseAsync();
                }
            };
            await StartAllAsync(sim, body, body);
        }
    }

    private sealed class ConditionRace : Scenario
    {
        public override string Description => "a timed wait and a notify after a locked() probe on a plain-lock condition";

        public override async Task RunAsync(ISim sim)
        {
            var l = sim.NewLock();
            var c = sim.NewCondition(l);
            await StartAllAsync(
                sim,
                async () =>
                {
                    await c.AcquireAsync();
                    var r = await c.WaitAsync(1);
                    await c.ReleaseAsync();
                    await sim.PrintAsync($"wait {r}");
                },
                async () =>
                {
                    var held = await l.LockedAsync();
                    await c.AcquireAsync();
                    await c.NotifyAsync();
                    await c.ReleaseAsync();
                    await sim.PrintAsync($"locked {held}");
                });
        }
    }

    private sealed class QueueRace : Scenario
    {
        public override string Description => "timed puts and a timed get after a qsize probe on a queue of one";

        public override async Task RunAsync(ISim sim)
        {
            var q = sim.NewQueue<int>(1);
            await StartAllAsync(
                sim,
                async () =>
                {
                    for (var i = 0; i < 2; i++)
                    {
                        try
                        {
                            await q.PutAsync(i, timeout: 1);
                        }
                        catch (Full)
                        {
                            await sim.PrintAsync($"full {i}");
                        }
                    }
                },
                async () =>
                {
                    var size = await q.QsizeAsync();
                    try
                    {
                        await sim.PrintAsync($"qsize {size}, got {await q.GetAsync(timeout: 1)}");
                    }
                    catch (Empty)
                    {
                        await sim.PrintAsync($"qsize {size}, empty");
                    }
                });
        }
    }

    private sealed class BarrierRace : Scenario
    {
        public override string Description => "three threads on a barrier of two with an action and a timeout";

        public override async Task RunAsync(ISim sim)
        {
            var b = sim.NewBarrier(2, () => sim.PrintAsync("action"), timeout: 1);
            Func<Task> body = async () =>
            {
                try
                {
                    await sim.PrintAsync($"index {await b.WaitAsync()}");
                }
                catch (BrokenBarrierError)
                {
                    await sim.PrintAsync("broken");
                }
            };
            await StartAllAsync(sim, body, body, body);
        }
    }

    private sealed class TimerRace : Scenario
    {
        public override string Description => "a timer and a cancel due at the same instant";

        public override async Task RunAsync(ISim sim)
        {
            var t = await sim.CreateTimerAsync(1, () => sim.PrintAsync("fired"));
            await t.StartAsync();
            await sim.SleepAsync(1);
            await t.CancelAsync();
            await sim.PrintAsync("cancelled");
        }
    }

    private sealed class EnumerateRace : Scenario
    {
        public override string Description => "enumerate and active_count while one thread starts another and finishes";

        public override async Task RunAsync(ISim sim)
        {
            var starter = await sim.CreateThreadAsync(
                async () =>
                {
                    var child = await sim.CreateThreadAsync(() => Task.CompletedTask, "child");
                    await child.StartAsync();
                },
                "starter");
            await starter.StartAsync();
            var names = (await sim.EnumerateAsync()).Select(t => t.Name);
            await sim.PrintAsync($"{string.Join(",", names)} {await sim.ActiveCountAsync()}");
        }
    }

    private sealed class IsAliveRace : Scenario
    {
        public override string Description => "is_alive and ident of a thread that starts and finishes meanwhile";

        public override async Task RunAsync(ISim sim)
        {
            var t = await sim.CreateThreadAsync(() => Task.CompletedTask, "t");
            var starter = await sim.CreateThreadAsync(() => t.StartAsync(), "starter");
            await starter.StartAsync();
            await sim.PrintAsync($"{await t.IsAliveAsync()} {await t.IdentAsync() is not null}");
        }
    }

    private sealed class ExcepthookRace : Scenario
    {
        public override string Description => "a thread dies under CPython's rule while another prints";

        public override async Task RunAsync(ISim sim)
        {
            sim.UncaughtExceptions = UncaughtExceptions.Excepthook;
            await StartAllAsync(
                sim,
                () => throw new ValueError("dead"),
                () => sim.PrintAsync("alive"));
        }
    }

    private sealed class LifoPriorityRace : Scenario
    {
        public override string Description => "putters race on a LIFO and a priority queue; the getter takes after them";

        public override async Task RunAsync(ISim sim)
        {
            var lifo = sim.NewLifoQueue<int>();
            var prio = sim.NewPriorityQueue<int>();
            await StartAllAsync(
                sim,
                async () =>
                {
                    await lifo.PutAsync(1);
                    await prio.PutAsync(2);
                },
                async () => await lifo.PutAsync(3),
                async () => await prio.PutAsync(1),
                async () =>
                {
                    await sim.SleepAsync(1);
                    await sim.PrintAsync($"{await lifo.GetAsync()} {await lifo.GetAsync()} {await prio.GetNowaitAsync()}");
                });
        }
    }

    private sealed class MaxsizeRace : Scenario
    {
        public override string Description => "a maxsize change races with a non-blocking put";

        public override async Task RunAsync(ISim sim)
        {
            var q = sim.NewQueue<int>(1);
            await q.PutAsync(0);
            await StartAllAsync(
                sim,
                () => q.SetMaxsizeAsync(2),
                async () =>
                {
                    try
                    {
                        await q.PutNowaitAsync(1);
                        await sim.PrintAsync("put");
                    }
                    catch (Full)
                    {
                        await sim.PrintAsync("full");
                    }
                });
        }
    }
}
