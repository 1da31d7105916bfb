using SimHarness.Exploration;
using SimHarness.Greenlets;
using SimHarness.Tests.Greenlets.Fidelity;

namespace SimHarness.Tests.Greenlets;

/// <summary>Hubs live inside simulated threads: threads still interleave, each hub keeps its own greenlets and timers.</summary>
public class HubThreadTests
{
    private static RunRecord Run(Func<ISim, Task> body) =>
        BuiltInExecutor.Run(new TwinScenario("hubs", body), new CanonicalStrategy()).Record;

    private static async Task HubBodyAsync(ISim sim, string tag, decimal first, decimal second)
    {
        var hub = Hub.Get(sim);
        var a = await hub.SpawnAsync(async () =>
        {
            await hub.SleepAsync(first);
            await sim.PrintAsync($"{tag} a");
        });
        var b = await hub.SpawnAsync(async () =>
        {
            await hub.SleepAsync(second);
            await sim.PrintAsync($"{tag} b");
        });
        await hub.JoinAllAsync([a, b]);
        await sim.PrintAsync($"{tag} joined");
    }

    [Test]
    public void TwoThreads_EachWithAHub_InterleaveOnOneVirtualClock()
    {
        var sut = Run(async sim =>
        {
            var t1 = await sim.CreateThreadAsync(() => HubBodyAsync(sim, "x", 1, 4), "x");
            var t2 = await sim.CreateThreadAsync(() => HubBodyAsync(sim, "y", 2, 3), "y");
            await t1.StartAsync();
            await t2.StartAsync();
            await t1.JoinAsync();
            await t2.JoinAsync();
            await sim.PrintAsync("main done");
        });
        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.Output.Select(o => $"{o.Seconds} {o.Text}"),
            Is.EqualTo(new[] { "1 x a", "2 y a", "3 y b", "3 y joined", "4 x b", "4 x joined", "4 main done" }));
        // gevent numbers Greenlet-N from one counter, so the numbers depend on how the spawns interleave.
        Assert.That(sut.Output.Take(3).Select(o => o.Thread), Is.All.StartsWith("Greenlet-"));
        Assert.That(sut.Output.Take(3).Select(o => o.Thread), Is.Unique);
        Assert.That(sut.Output.Single(o => o.Text == "main done").Thread, Is.EqualTo("MainThread"));
    }

    [Test]
    public void Print_InMainGreenlet_IsLabelledWithTheThreadName()
    {
        var sut = Run(async sim =>
        {
            var hub = Hub.Get(sim);
            var g = await hub.SpawnAsync(() => sim.PrintAsync("in greenlet"));
            await sim.PrintAsync("in main");
            await g.JoinAsync();
        });
        Assert.That(sut.Output.Select(o => $"{o.Thread}: {o.Text}"), Is.EqualTo(new[] { "MainThread: in main", "Greenlet-0: in greenlet" }));
    }

    [Test]
    public void ThreadEventWait_InsideAGreenlet_BlocksTheWholeThreadAsUnpatchedGeventDoes()
    {
        var sut = Run(async sim =>
        {
            var ev = sim.NewEvent();
            var hub = Hub.Get(sim);
            var waiter = await hub.SpawnAsync(async () =>
            {
                await ev.WaitAsync(2);
                await sim.PrintAsync($"wait ended at {sim.Now}");
            });
            var other = await hub.SpawnAsync(async () => await sim.PrintAsync($"other ran at {sim.Now}"));
            await hub.JoinAllAsync([waiter, other]);
        });
        Assert.That(sut.Transcript, Is.EqualTo(new[] { "wait ended at 2", "other ran at 2" }));
    }

    [Test]
    public void Timeout_ExpiringDuringJoin_RaisesWhereTheGreenletWaits()
    {
        var sut = Run(async sim =>
        {
            var hub = Hub.Get(sim);
            var slow = await hub.SpawnAsync(() => hub.SleepAsync(10));
            try
            {
                await hub.WithTimeoutAsync(1, () => slow.JoinAsync());
            }
            catch (GeventTimeoutException e)
            {
                await sim.PrintAsync($"timeout at {sim.Now}: {e.Message}; slow ready: {slow.Ready}");
            }

            await slow.JoinAsync();
            await sim.PrintAsync($"slow joined at {sim.Now}");
        });
        Assert.That(sut.Transcript, Is.EqualTo(new[] { "timeout at 1: 1 second; slow ready: False", "slow joined at 10" }));
    }

    [Test]
    public void JoinWithTimeout_ReturnsFalseAtTheTimeoutAndTrueOnceEnded()
    {
        var sut = Run(async sim =>
        {
            var hub = Hub.Get(sim);
            var g = await hub.SpawnAsync(async _ =>
            {
                await hub.SleepAsync(2);
                return 42;
            });
            await sim.PrintAsync($"{await g.JoinAsync(0.5m)} at {sim.Now}");
            await sim.PrintAsync($"{await g.JoinAsync(5)} at {sim.Now}, value {g.Value}");
        });
        Assert.That(sut.Transcript, Is.EqualTo(new[] { "False at 0.5", "True at 2, value 42" }));
    }

    [Test]
    public void ParkedGreenlet_AtEndOfRun_IsNotADeadlock()
    {
        var sut = Run(async sim =>
        {
            var g = new Greenlet(sim, async _ => await Greenlet.GetCurrent(sim).Parent!.SwitchAsync());
            await g.SwitchAsync();
            await sim.PrintAsync($"main ends with g active: {g.IsActive}");
        });
        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.Completed, Is.True);
        Assert.That(sut.Transcript, Is.EqualTo(new[] { "main ends with g active: True" }));
    }

    [Test]
    public void ExceptionEscapingIntoMain_IsAnUncaughtExceptionViolation()
    {
        var sut = Run(async sim => await new Greenlet(sim, _ => throw new ValueError("boom")).SwitchAsync());
        Assert.That(sut.Violations.Single().Message, Does.Contain("Exception in thread MainThread: ValueError: boom"));
    }
}
