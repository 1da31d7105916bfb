using SimHarness.Exploration;
using SimHarness.Greenlets;
using SimHarness.Tests.Greenlets.Fidelity;

namespace SimHarness.Tests.Greenlets;

/// <summary>Bad use gives a clear error, never a hang.</summary>
public class GreenletMisuseTests
{
    private static RunRecord Run(Func<ISim, Task> body) =>
        BuiltInExecutor.Run(new TwinScenario("misuse", body), new CanonicalStrategy()).Record;

    private static async Task PrintErrorAsync(ISim sim, Func<Task> action)
    {
        try
        {
            await action();
            await sim.PrintAsync("no error");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentOutOfRangeException or LoopExitException)
        {
            await sim.PrintAsync($"{e.GetType().Name}: {e.Message}");
        }
    }

    [Test]
    public void Switch_IntoGreenletOfAnotherThread_FailsThatThreadWithAClearMessage()
    {
        var sut = Run(async sim =>
        {
            var g = new Greenlet(sim, _ => Task.FromResult<object?>(null));
            var t = await sim.CreateThreadAsync(async () => await g.SwitchAsync(), "intruder");
            await t.StartAsync();
            await t.JoinAsync();
        });
        Assert.That(sut.Violations, Has.Count.EqualTo(1));
        Assert.That(sut.Violations[0].Message, Does.Contain("Thread-1 (intruder)").And.Contain("cannot switch to a different thread").And.Contain("MainThread"));
    }

    [Test]
    public void Throw_IntoGreenletOfAnotherThread_FailsWithAClearMessage()
    {
        var sut = Run(async sim =>
        {
            var g = new Greenlet(sim, _ => Task.FromResult<object?>(null));
            var t = await sim.CreateThreadAsync(() => PrintErrorAsync(sim, () => g.ThrowAsync()), "intruder");
            await t.StartAsync();
            await t.JoinAsync();
        });
        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.Transcript.Single(), Does.StartWith("InvalidOperationException: cannot throw into a greenlet of thread MainThread"));
    }

    [Test]
    public void Join_Itself_IsAnErrorNotAHang()
    {
        var sut = Run(async sim =>
        {
            var hub = Hub.Get(sim);
            HubGreenlet? self = null;
            self = await hub.SpawnAsync(() => PrintErrorAsync(sim, () => self!.JoinAsync()));
            await self.JoinAsync();
        });
        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.Transcript, Is.EqualTo(new[] { "InvalidOperationException: a greenlet cannot join itself" }));
    }

    [Test]
    public void JoinAll_IncludingItself_IsAnError()
    {
        var sut = Run(async sim =>
        {
            var hub = Hub.Get(sim);
            HubGreenlet? self = null;
            self = await hub.SpawnAsync(() => PrintErrorAsync(sim, () => hub.JoinAllAsync([self!])));
            await self.JoinAsync();
        });
        Assert.That(sut.Transcript, Is.EqualTo(new[] { "InvalidOperationException: a greenlet cannot join itself" }));
    }

    [Test]
    public void Sleep_Negative_IsAnError()
    {
        var sut = Run(sim => PrintErrorAsync(sim, () => Hub.Get(sim).SleepAsync(-1)));
        Assert.That(sut.Transcript.Single(), Does.StartWith("ArgumentOutOfRangeException: sleep length must be non-negative"));
    }

    [Test]
    public void PatchedSleep_Negative_IsAnError()
    {
        var sut = Run(sim => PrintErrorAsync(sim, () => Monkey.PatchAll(sim).SleepAsync(-0.5m)));
        Assert.That(sut.Transcript.Single(), Does.StartWith("ArgumentOutOfRangeException: sleep length must be non-negative"));
    }

    [Test]
    public void JoinAll_NothingWithTimeout_ReturnsEmptyAtOnceAsGeventDoes()
    {
        var sut = Run(async sim =>
        {
            var done = await Hub.Get(sim).JoinAllAsync([], timeoutSeconds: 3);
            await sim.PrintAsync($"{done.Count} at {sim.Now}");
        });
        Assert.That(sut.Transcript, Is.EqualTo(new[] { "0 at 0" }));
    }

    [Test]
    public void Join_GreenletThatNeverEnds_RaisesLoopExitInMainInsteadOfHanging()
    {
        var sut = Run(async sim =>
        {
            var hub = Hub.Get(sim);
            // Switching straight to the hub parks the greenlet with nothing left to wake it.
            var stuck = await hub.SpawnAsync(async () => await Greenlet.GetCurrent(sim).Parent!.SwitchAsync());
            await PrintErrorAsync(sim, () => stuck.JoinAsync());
        });
        Assert.That(sut.Violations, Is.Empty);
        Assert.That(sut.Transcript, Is.EqualTo(new[] { "LoopExitException: This operation would block forever" }));
    }

    [Test]
    public void Timeout_Negative_IsAnError()
    {
        var sut = Run(sim => PrintErrorAsync(sim, () => Hub.Get(sim).WithTimeoutAsync(-1, () => Task.CompletedTask)));
        Assert.That(sut.Transcript.Single(), Does.StartWith("ArgumentOutOfRangeException: timeout must be non-negative"));
    }

    [Test]
    public void Parent_Cycle_IsAnError()
    {
        var sut = Run(async sim =>
        {
            var a = new Greenlet(sim, _ => Task.FromResult<object?>(null));
            var b = new Greenlet(sim, _ => Task.FromResult<object?>(null), parent: a);
            await PrintErrorAsync(sim, () =>
            {
                a.Parent = b;
                return Task.CompletedTask;
            });
        });
        Assert.That(sut.Transcript, Is.EqualTo(new[] { "InvalidOperationException: cyclic parent chain" }));
    }
}
