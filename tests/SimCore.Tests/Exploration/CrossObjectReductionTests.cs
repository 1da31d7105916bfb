using SimHarness.Catalog;
using SimHarness.Greenlets;
using SimHarness.Sockets;
using SimHarness.Tests.Exploration.StateCaching;
using SimHarness.Threading;

namespace SimHarness.Tests.Exploration;

/// <summary>
/// Steps whose effect reaches state beyond the one object they touch most plainly: a world-wide
/// counter, another object's waiters, a budget every connection shares. Each scenario makes that
/// effect decide what is printed, so a declared access that left it out would let the reduction
/// (with or without state caching) take two orders as one and lose a transcript or a violation that
/// the search over every interleaving finds.
/// </summary>
public class CrossObjectReductionTests
{
    private static readonly bool[] CacheSettings = [true, false];

    private static IEnumerable<TestCaseData> Scenarios() =>
        new[]
        {
            typeof(GreenletNumbersAcrossHubs), typeof(StartOrderSeenByEnumerate), typeof(ConditionWaitReleasesLock),
            typeof(FaultBudgetSharedByConnectAndSend), typeof(BarrierAbortWakesWaiters), typeof(TimerCancelMeetsFire), typeof(ExcepthookSetMidRun),
        }
            .SelectMany(t => CacheSettings.Select(cache =>
                new TestCaseData(t, cache).SetName($"Reduction_On{t.Name}_{(cache ? "WithStateCache" : "WithoutStateCache")}_FindsEveryOutcomeOfTheFullSearch")));

    [TestCaseSource(nameof(Scenarios))]
    public void Reduction_FindsEveryOutcomeOfTheFullSearch(Type scenario, bool cache)
    {
        var (full, sut) = DigestBreakerTests.AssertReductionFindsEveryOutcome(scenario, cache);

        Assert.That(sut.Schedules, Is.LessThanOrEqualTo(full.Schedules));
    }

    internal static async Task JoinAllAsync(ISim sim, params Func<Task>[] bodies)
    {
        foreach (var t in await Vocabulary.VocabularyReductionTests.StartAllAsync(sim, bodies))
        {
            await t.JoinAsync();
        }
    }

    /// <summary>
    /// Two threads each spawn a greenlet in their own hub: gevent numbers <c>Greenlet-N</c> from one
    /// counter of the whole run, so which thread's spawn comes first decides which name each prints.
    /// </summary>
    private sealed class GreenletNumbersAcrossHubs : AnyOutputScenario
    {
        public override string Description => "two hubs spawn one greenlet each and print its name";

        public override Task RunAsync(ISim sim)
        {
            async Task SpawnAndPrintAsync(string tag)
            {
                var hub = Hub.Get(sim);
                var g = await hub.SpawnAsync(() => Task.CompletedTask);
                await sim.PrintAsync($"{tag} {g.Name}");
                await g.JoinAsync();
            }

            return JoinAllAsync(sim, () => SpawnAndPrintAsync("x"), () => SpawnAndPrintAsync("y"));
        }
    }

    /// <summary>
    /// Main makes two threads; two other threads start one each, then main lists the live threads,
    /// which <c>enumerate()</c> gives in start order: the two starts, on two thread objects, decide it.
    /// </summary>
    private sealed class StartOrderSeenByEnumerate : AnyOutputScenario
    {
        public override string Description => "enumerate's order after two threads start one thread each";

        public override async Task RunAsync(ISim sim)
        {
            var release = sim.NewEvent();
            var a = await sim.CreateThreadAsync(() => release.WaitAsync(), name: "a");
            var b = await sim.CreateThreadAsync(() => release.WaitAsync(), name: "b");
            await JoinAllAsync(sim, a.StartAsync, b.StartAsync);
            var names = (await sim.EnumerateAsync()).Select(t => t.Name).Where(n => n is "a" or "b");
            await sim.PrintAsync(string.Join(' ', names));
            await release.SetAsync();
        }
    }

    /// <summary>
    /// A condition's wait releases its (plain) lock: a third thread's <c>locked()</c> probe of the
    /// lock sees it held or free depending on whether it comes before or after the wait.
    /// </summary>
    private sealed class ConditionWaitReleasesLock : AnyOutputScenario
    {
        public override string Description => "locked() against a condition wait that releases the lock";

        public override async Task RunAsync(ISim sim)
        {
            var lk = sim.NewLock();
            var cond = sim.NewCondition(lk);
            await JoinAllAsync(
                sim,
                async () =>
                {
                    await cond.AcquireAsync();
                    await cond.WaitAsync(1);
                    await cond.ReleaseAsync();
                },
                async () =>
                {
                    await sim.SleepAsync(0);
                    await sim.PrintAsync($"locked {await lk.LockedAsync()}");
                });
        }
    }

    /// <summary>
    /// One fault for the whole network: a connect into a full backlog (offered only while a fault is
    /// left) and a send on another connection both may take it, so a step on one connection changes
    /// what a step on the port table may do.
    /// </summary>
    private sealed class FaultBudgetSharedByConnectAndSend : AnyOutputScenario
    {
        public override string Description => "a connect into a full backlog and a send elsewhere share one fault";

        public override async Task RunAsync(ISim sim)
        {
            sim.ConfigureNetwork(new NetworkOptions { FaultBudget = 1 });
            var listener = await sim.ListenAsync(7000, 1);
            TcpSocket client;
            try
            {
                // The setup's connects may take the fault too: those runs print it and stop.
                client = await sim.ConnectAsync("127.0.0.1", 7000);
                await listener.AcceptAsync();
                await sim.ConnectAsync("127.0.0.1", 7000); // fills the backlog of one
            }
            catch (SocketErrorException e)
            {
                await sim.PrintAsync($"setup: {e.GetType().Name}");
                return;
            }

            var sent = sim.NewEvent();
            await JoinAllAsync(
                sim,
                async () =>
                {
                    try
                    {
                        await sim.ConnectAsync("127.0.0.1", 7000);
                        await sim.PrintAsync("connected");
                    }
                    catch (SocketErrorException e)
                    {
                        await sim.PrintAsync($"connect: {e.GetType().Name}");
                    }
                },
                async () =>
                {
                    try
                    {
                        await client.SendAsync("x"u8.ToArray());
                        await sim.PrintAsync("sent");
                    }
                    catch (SocketErrorException e)
                    {
                        await sim.PrintAsync($"send: {e.GetType().Name}");
                    }

                    await sent.SetAsync();
                },
                async () =>
                {
                    // Frees a backlog slot once the send is done, so a waiting connect always ends.
                    await sent.WaitAsync();
                    await listener.AcceptAsync();
                });
        }
    }

    /// <summary>An abort wakes every thread waiting at the barrier: each party passes, or breaks before or after arriving.</summary>
    private sealed class BarrierAbortWakesWaiters : AnyOutputScenario
    {
        public override string Description => "two barrier waits against an abort";

        public override Task RunAsync(ISim sim)
        {
            var barrier = sim.NewBarrier(2);
            async Task PartyAsync(string tag)
            {
                try
                {
                    await barrier.WaitAsync();
                    await sim.PrintAsync($"{tag} passed");
                }
                catch (BrokenBarrierError)
                {
                    await sim.PrintAsync($"{tag} broken");
                }
            }

            return JoinAllAsync(sim, () => PartyAsync("x"), () => PartyAsync("y"), barrier.AbortAsync);
        }
    }

    /// <summary>A timer's thread waits on its own event; a cancel from another thread sets it: the function runs or not.</summary>
    private sealed class TimerCancelMeetsFire : AnyOutputScenario
    {
        public override string Description => "a zero-interval timer and a cancel";

        public override async Task RunAsync(ISim sim)
        {
            var timer = await sim.CreateTimerAsync(0, () => sim.PrintAsync("fired"));
            await timer.StartAsync();
            var canceller = await sim.CreateThreadAsync(timer.CancelAsync, "cancel");
            await canceller.StartAsync();
            await canceller.JoinAsync();
            await timer.Thread.JoinAsync();
            await sim.PrintAsync("done");
        }
    }
    /// <summary>
    /// Main replaces <c>threading.excepthook</c> (not a step) while a thread may be dying: refused, in
    /// every interleaving, so no run depends on the order of the set and the death.
    /// </summary>
    private sealed class ExcepthookSetMidRun : AnyOutputScenario
    {
        public override string Description => "excepthook replaced while a thread may be dying";

        public override async Task RunAsync(ISim sim)
        {
            sim.UncaughtExceptions = UncaughtExceptions.Excepthook;
            var t = await sim.CreateThreadAsync(
                async () =>
                {
                    await sim.SleepAsync(0);
                    throw new ValueError("bad");
                },
                "t");
            await t.StartAsync();
            await sim.SleepAsync(0);
            try
            {
                sim.Excepthook = a => sim.PrintAsync("custom hook");
            }
            catch (InvalidOperationException e)
            {
                await sim.PrintAsync(e.Message);
            }

            await t.JoinAsync();
            sim.Excepthook = a => sim.PrintAsync("custom hook after join");
        }
    }
}
