using SimHarness.Real;
using SimHarness.Scenarios.Threading;
using SimHarness.Tests.Contracts;

namespace SimHarness.Tests.Real;

/// <summary>The real backend itself: OS threads, wall-clock times, timeouts, the seed scenarios run for real.</summary>
[TestFixture]
[Category("Real")]
public class RealExecutorTests
{
    private const string Connecting = "开始连接...";
    private const string TooMany = "尝试的次数过多,请稍后重试";
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(10);

    [Test]
    public void Run_EachSimulatedThread_RunsOnItsOwnNamedOsThreadAndResumesThere()
    {
        var seen = new List<(string Sim, string? Os, int Before, int After, bool Simulated)>();
        var osThreads = new List<Thread>();
        var record = RealExecutor.Run(new LambdaScenario(async sim =>
        {
            async Task ProbeAsync()
            {
                var before = Environment.CurrentManagedThreadId;
                lock (osThreads)
                {
                    osThreads.Add(Thread.CurrentThread);
                }

                await sim.SleepAsync(0.01m);
                await sim.PrintAsync("step");
                lock (seen)
                {
                    seen.Add((sim.CurrentThread.Name, Thread.CurrentThread.Name, before, Environment.CurrentManagedThreadId, sim.IsSimulated));
                }
            }

            var t = await sim.CreateThreadAsync(ProbeAsync, "probe");
            await t.StartAsync();
            await ProbeAsync();
            await t.JoinAsync();
        }), s_bound);

        Assert.That(record.Violations, Is.Empty);
        Assert.That(seen, Has.Count.EqualTo(2));
        Assert.That(seen, Has.All.Matches<(string Sim, string? Os, int Before, int After, bool Simulated)>(
            s => s.Sim == s.Os && s.Before == s.After && !s.Simulated));
        Assert.That(seen.Select(s => s.Before).Distinct().Count(), Is.EqualTo(2), "two simulated threads, two OS threads");
        Assert.That(osThreads.All(os => os.Join(TimeSpan.FromSeconds(5))), Is.True, "every OS thread exits after the run");
    }

    [Test]
    public void Run_OutputLines_CarryWallClockTimes()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var record = RealExecutor.Run(new LambdaScenario(async sim =>
        {
            await sim.PrintAsync("start");
            await sim.SleepAsync(0.05m);
            await sim.PrintAsync("after 50 ms");
        }), s_bound);
        var outside = watch.Elapsed.TotalMicroseconds;

        Assert.That(record.Violations, Is.Empty);
        Assert.That(record.Output[1].TimeMicros, Is.LessThanOrEqualTo(outside), "stamped by a clock started with the run");
        Assert.That(record.Output[1].TimeMicros - record.Output[0].TimeMicros, Is.GreaterThanOrEqualTo(50_000));
        Assert.That(record.Output.Select(o => o.Thread), Is.All.EqualTo("MainThread"));
    }

    [Test]
    public void Run_ManyThreadsStepInParallel_RecordCountsEveryStep()
    {
        const int Threads = 4;
        const int Lines = 200;
        var record = RealExecutor.Run(new LambdaScenario(async sim =>
        {
            var threads = new List<SimThread>();
            for (var i = 0; i < Threads; i++)
            {
                threads.Add(await sim.CreateThreadAsync(
                    async () =>
                    {
                        for (var k = 0; k < Lines; k++)
                        {
                            await sim.PrintAsync($"{sim.CurrentThread.Name} {k}");
                        }
                    },
                    "printer"));
            }

            foreach (var t in threads)
            {
                await t.StartAsync();
            }

            foreach (var t in threads)
            {
                await t.JoinAsync();
            }
        }), s_bound);

        Assert.That(record.Violations, Is.Empty);
        Assert.That(record.Output, Has.Count.EqualTo(Threads * Lines));
        // main: create, start and join each thread, then finish; each printer: its lines, then finish.
        Assert.That(record.Steps, Is.EqualTo((3 * Threads) + 1 + (Threads * (Lines + 1))));
        Assert.That(record.Output.Select(o => o.TimeMicros), Is.Ordered, "lines are stamped under the world's lock");
    }

    [Test]
    public void Run_StillGoingAtTheTimeout_IsStoppedAndReportedAsTimeout()
    {
        var blocked = new List<Thread>();
        var record = RealExecutor.Run(new LambdaScenario(async sim =>
        {
            var never = sim.NewEvent();
            var waiter = await sim.CreateThreadAsync(
                async () =>
                {
                    lock (blocked)
                    {
                        blocked.Add(Thread.CurrentThread);
                    }

                    await never.WaitAsync();
                },
                "waiter");
            await waiter.StartAsync();
            while (true)
            {
                // Always a timer armed: never a deadlock, just a run that does not end.
                await sim.SleepAsync(0.01m);
            }
        }), TimeSpan.FromSeconds(0.3));

        Assert.That(record.Completed, Is.False);
        Assert.That(record.Violations.Select(v => v.Invariant), Is.EqualTo(new List<string> { "timeout" }));
        Assert.That(blocked.Single().Join(TimeSpan.FromSeconds(5)), Is.True, "the blocked thread is woken and exits");
    }

    [Test]
    public void Run_EventCheckConnectAtSmallDelay_EveryThreadConnectsAfterTheCheck()
    {
        var sut = new EventCheckConnect { CheckDelay = 0.3m };
        var record = RealExecutor.Run(sut, s_bound);

        Assert.That(record.Violations, Is.Empty);
        Assert.That(record.Completed, Is.True);
        var connects = record.Output.Where(o => o.Text.EndsWith(Connecting, StringComparison.Ordinal)).ToList();
        Assert.That(connects, Has.Count.EqualTo(3));
        Assert.That(connects.Select(o => o.TimeMicros), Is.All.GreaterThanOrEqualTo(300_000));
    }

    // Margins of 0.3 s or more either side of the race decide "connect" and "give-up" on a loaded machine.
    [TestCase(0.3, 0.1, "either")]
    [TestCase(0.3, 0.2, "connect")]
    [TestCase(0.6, 0.05, "give-up")]
    public void Run_EventRetryLimitAtSmallDelays_HoldsItsInvariants(double checkDelay, double waitTimeout, string expect)
    {
        var sut = new EventRetryLimit { CheckDelay = (decimal)checkDelay, WaitTimeout = (decimal)waitTimeout };
        var record = RealExecutor.Run(sut, s_bound);

        Assert.That(record.Violations, Is.Empty);
        Assert.That(record.Completed, Is.True);
        var gaveUp = record.Output.Count(o => o.Text == TooMany);
        var connected = record.Output.Count(o => o.Text.EndsWith(Connecting, StringComparison.Ordinal));
        Assert.That(gaveUp + connected, Is.EqualTo(3));
        if (expect != "either")
        {
            Assert.That(expect == "connect" ? connected : gaveUp, Is.EqualTo(3));
        }
    }

    [Test]
    public void Run_BrokenTwinGivesUpEarly_MonitorEndsTheRunAtTheGiveUpLine()
    {
        var sut = new EventRetryLimitGivesUpEarly { CheckDelay = 0.6m, WaitTimeout = 0.05m };
        var record = RealExecutor.Run(sut, s_bound);

        Assert.That(record.Completed, Is.False, "the monitor ends the run at the first give-up line");
        Assert.That(record.Violations.Select(v => v.Invariant), Is.EqualTo(new List<string> { "gives-up-after-attempts" }));
        Assert.That(record.Output[^1].Text, Is.EqualTo(TooMany));
    }

    [Test]
    public void Run_LostWakeupOnlyWaiterLeft_IsReportedAsDeadlock()
    {
        var record = RealExecutor.Run(new LambdaScenario(async sim =>
        {
            var ev = sim.NewEvent("ev");
            await ev.SetAsync();
            await ev.ClearAsync();
            await ev.WaitAsync();
        }), s_bound);

        Assert.That(record.Violations.Select(v => v.Invariant), Is.EqualTo(new List<string> { "deadlock" }));
        Assert.That(record.Violations[0].Message, Does.Contain("MainThread waits on wait ev"));
    }
}
