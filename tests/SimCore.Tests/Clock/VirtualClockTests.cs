using FsCheck;
using FsCheck.Fluent;
using SimHarness.Exploration;
using SimHarness.Tests.Contracts;

namespace SimHarness.Tests.Clock;

/// <summary>The virtual clock (rule 4 of docs/semantics.md), observed through whole runs on the built-in scheduler.</summary>
public class VirtualClockTests
{
    /// <summary>Each thread sleeps its plan in order and prints "i:k" after its k-th sleep; main just starts them.</summary>
    private static RunRecord RunPlan(int[][] plan, IScheduleStrategy strategy) =>
        BuiltInExecutor.Run(new LambdaScenario(async sim =>
        {
            var threads = new List<SimThread>();
            for (var i = 0; i < plan.Length; i++)
            {
                var index = i;
                threads.Add(await sim.CreateThreadAsync(
                    async () =>
                    {
                        for (var k = 0; k < plan[index].Length; k++)
                        {
                            await sim.SleepAsync(ClockGen.Seconds(plan[index][k]));
                            await sim.PrintAsync($"{index}:{k}");
                        }
                    },
                    "sleeper"));
            }

            foreach (var t in threads)
            {
                await t.StartAsync();
            }
        }), strategy).Record;

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public Property Sleep_ResumesAtExactlyStartPlusDuration_NeverEarly() =>
        Prop.ForAll(ClockGen.PlanAndSeed, input =>
        {
            var sut = RunPlan(input.Plan, new RandomStrategy(input.Seed));
            Assert.That(sut.Violations, Is.Empty);
            for (var i = 0; i < input.Plan.Length; i++)
            {
                long due = 0;
                for (var k = 0; k < input.Plan[i].Length; k++)
                {
                    due += input.Plan[i][k];
                    var line = sut.Output.Single(o => o.Text == $"{i}:{k}");
                    Assert.That(line.TimeMicros, Is.EqualTo(due), $"thread {i} sleep {k}");
                }
            }
        });

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public Property Time_NeverGoesBack() =>
        Prop.ForAll(ClockGen.PlanAndSeed, input =>
        {
            var sut = RunPlan(input.Plan, new RandomStrategy(input.Seed));
            var times = sut.Events.Select(e => e.TimeMicros).ToList();
            Assert.That(times, Is.Ordered);
            Assert.That(sut.Output.Select(o => o.TimeMicros), Is.Ordered);
        });

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public Property Time_JumpsOnlyToDeadlines_OneTickPerDistinctDeadline() =>
        Prop.ForAll(ClockGen.PlanAndSeed, input =>
        {
            var sut = RunPlan(input.Plan, new RandomStrategy(input.Seed));
            // Independent computation: the instants at which some nonzero sleep ends.
            var deadlines = input.Plan
                .SelectMany(p => p.Select((d, k) => (End: p.Take(k + 1).Sum(x => (long)x), Blocks: d > 0)))
                .Where(x => x.Blocks)
                .Select(x => x.End)
                .Distinct()
                .Order();
            Assert.That(sut.Events.Where(e => e.Op == "tick").Select(e => e.TimeMicros), Is.EqualTo(deadlines));
        });

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property TimersDueAtOneInstant_AllFireThenAndTheirThreadsAreRunnableTogether() =>
        Prop.ForAll(Gen.Zip(Gen.Choose(2, 5), Gen.Choose(1, 50)).ToArbitrary(), input =>
        {
            var (threads, tenths) = input;
            var plan = Enumerable.Range(0, threads).Select(_ => new[] { tenths * 100_000 }).ToArray();
            var probe = new TickProbeStrategy(new CanonicalStrategy());
            var sut = RunPlan(plan, probe);
            Assert.That(sut.Output.Select(o => o.TimeMicros), Is.All.EqualTo(tenths * 100_000L));
            Assert.That(probe.CandidatesAfterTick, Has.Count.EqualTo(1));
            Assert.That(probe.CandidatesAfterTick[0], Has.Length.EqualTo(threads));
        });

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property ZeroSleepsAndWaits_NeverBlock_TimeStaysAtZero() =>
        Prop.ForAll(Gen.Zip(Gen.Choose(1, 20), Gen.Choose(0, int.MaxValue - 1)).ToArbitrary(), input =>
        {
            var (rounds, seed) = input;
            var waits = new List<bool>();
            var sut = BuiltInExecutor.Run(new LambdaScenario(async sim =>
            {
                var ev = sim.NewEvent();
                var other = await sim.CreateThreadAsync(() => sim.SleepAsync(0), "zero");
                await other.StartAsync();
                for (var i = 0; i < rounds; i++)
                {
                    await sim.SleepAsync(0);
                    waits.Add(await ev.WaitAsync(0));
                    waits.Add(await ev.WaitAsync(-1));
                    await other.JoinAsync(0);
                }
            }), new RandomStrategy(seed)).Record;

            Assert.That(sut.Violations, Is.Empty);
            Assert.That(waits, Is.All.False);
            Assert.That(sut.Events.Where(e => e.Result == "blocked" || e.Op is "tick" or "wake"), Is.Empty);
            Assert.That(sut.Events.Select(e => e.TimeMicros), Is.All.Zero);
        });

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property Time_StaysStillWhileAThreadCanRun_BusyPrinterPrintsAtZero() =>
        Prop.ForAll(Gen.Zip(Gen.Choose(1, 60), Gen.Choose(0, int.MaxValue - 1)).ToArbitrary(), input =>
        {
            var (lines, seed) = input;
            var sut = BuiltInExecutor.Run(new LambdaScenario(async sim =>
            {
                var sleeper = await sim.CreateThreadAsync(
                    async () =>
                    {
                        await sim.SleepAsync(1);
                        await sim.PrintAsync("late");
                    },
                    "sleeper");
                var busy = await sim.CreateThreadAsync(
                    async () =>
                    {
                        for (var i = 0; i < lines; i++)
                        {
                            await sim.PrintAsync($"busy {i}");
                        }
                    },
                    "busy");
                await sleeper.StartAsync();
                await busy.StartAsync();
            }), new RandomStrategy(seed)).Record;

            Assert.That(sut.Violations, Is.Empty);
            Assert.That(sut.Output.Where(o => o.Text != "late").Select(o => o.TimeMicros), Is.All.Zero);
            Assert.That(sut.Output.Single(o => o.Text == "late").TimeMicros, Is.EqualTo(1_000_000));
            Assert.That(sut.Output[^1].Text, Is.EqualTo("late"));
        });

    [Test]
    public void DecimalSeconds_AreExact_TenSleepsOfOneTenthMakeOneSecond()
    {
        var seen = new List<(decimal Now, long Micros)>();
        var sut = BuiltInExecutor.Run(new LambdaScenario(async sim =>
        {
            await sim.SleepAsync(0.1m);
            seen.Add((sim.Now, sim.NowMicros));
            for (var i = 1; i < 10; i++)
            {
                await sim.SleepAsync(0.1m);
            }

            seen.Add((sim.Now, sim.NowMicros));
            await sim.SleepAsync(0.000001m);
            seen.Add((sim.Now, sim.NowMicros));
        }), new CanonicalStrategy()).Record;

        Assert.That(sut.Violations, Is.Empty);
        Assert.That(seen, Is.EqualTo(new List<(decimal, long)> { (0.1m, 100_000), (1m, 1_000_000), (1.000001m, 1_000_001) }));
    }

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public Property DecimalSeconds_AreExact_AnyMicrosecondCount() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), micros =>
        {
            long now = -1;
            BuiltInExecutor.Run(new LambdaScenario(async sim =>
            {
                await sim.SleepAsync(ClockGen.Seconds(micros));
                now = sim.NowMicros;
            }), new CanonicalStrategy());
            Assert.That(now, Is.EqualTo(micros));
        });
}
