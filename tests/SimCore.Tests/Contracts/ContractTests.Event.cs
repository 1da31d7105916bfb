namespace SimHarness.Tests.Contracts;

/// <summary>Event: Python's <c>threading.Event</c> (rule 5 of docs/semantics.md and the measured reference behaviour).</summary>
public abstract partial class ContractTests
{
    [TestCase(0.0)]
    [TestCase(-1.0)]
    public void Wait_NonPositiveTimeoutOnUnsetEvent_ReturnsFalseAtOnce(double timeout)
    {
        bool? result = null;
        var elapsed = -1m;
        RunClean(async sim =>
        {
            var sut = sim.NewEvent();
            var t0 = sim.Now;
            result = await sut.WaitAsync((decimal)timeout);
            elapsed = sim.Now - t0;
        });

        Assert.That(result, Is.False);
        Assert.That(elapsed, Is.InRange(0m, Slack));
    }

    [TestCase(null)]
    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(30.0)]
    public void Wait_OnSetEvent_ReturnsTrueAtOnce(double? timeout)
    {
        var results = new List<bool>();
        var elapsed = -1m;
        RunClean(async sim =>
        {
            var sut = sim.NewEvent();
            await sut.SetAsync();
            var t0 = sim.Now;
            for (var i = 0; i < 3; i++)
            {
                results.Add(await sut.WaitAsync((decimal?)timeout));
            }

            elapsed = sim.Now - t0;
        });

        Assert.That(results, Is.EqualTo(new List<bool> { true, true, true }));
        Assert.That(elapsed, Is.InRange(0m, Slack));
    }

    [Test]
    public void Set_WithBlockedWaiters_WakesEveryWaiterWithTrue()
    {
        var results = new bool?[3];
        var record = RunClean(async sim =>
        {
            var sut = sim.NewEvent();
            var waiters = await StartThreadsAsync(sim, 3, "waiter", async i => results[i] = await sut.WaitAsync());
            await UntilBlockedAsync(sim, waiters);
            await sut.SetAsync();
            foreach (var w in waiters)
            {
                await w.JoinAsync();
            }
        });

        Assert.That(results, Is.EqualTo(new List<bool?> { true, true, true }));
        Assert.That(record.Events.Count(e => e is { Op: "wake", Result: "signaled" }), Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void Set_WakesTimedWaiterBeforeItsTimeout_WaitReturnsTrue()
    {
        bool? result = null;
        var elapsed = -1m;
        RunClean(async sim =>
        {
            var sut = sim.NewEvent();
            var t0 = sim.Now;
            var waiters = await StartThreadsAsync(sim, 1, "waiter", async _ =>
            {
                result = await sut.WaitAsync(Never);
                elapsed = sim.Now - t0;
            });
            await UntilBlockedAsync(sim, waiters);
            await sut.SetAsync();
            await waiters[0].JoinAsync();
        });

        Assert.That(result, Is.True);
        Assert.That(elapsed, Is.LessThan(Never / 2));
    }

    [Test]
    public void SetThenClear_WithBlockedWaiters_EveryWaiterStillReturnsTrue()
    {
        var results = new bool?[3];
        bool? isSetAfter = null;
        RunClean(async sim =>
        {
            var sut = sim.NewEvent();
            var waiters = await StartThreadsAsync(sim, 3, "waiter", async i => results[i] = await sut.WaitAsync(Never));
            await UntilBlockedAsync(sim, waiters);
            await sut.SetAsync();
            await sut.ClearAsync();
            foreach (var w in waiters)
            {
                await w.JoinAsync();
            }

            isSetAfter = await sut.IsSetAsync();
        });

        Assert.That(results, Is.EqualTo(new List<bool?> { true, true, true }));
        Assert.That(isSetAfter, Is.False);
    }

    [Test]
    public void Wait_ArrivingAfterSetThenClear_BlocksUntilTimeoutAndReturnsFalse()
    {
        bool? result = null;
        var elapsed = -1m;
        RunClean(async sim =>
        {
            var sut = sim.NewEvent();
            await sut.SetAsync();
            await sut.ClearAsync();
            var t0 = sim.Now;
            result = await sut.WaitAsync(Delay);
            elapsed = sim.Now - t0;
        });

        Assert.That(result, Is.False);
        Assert.That(elapsed, Is.InRange(Delay, Delay + Slack));
    }

    [Test]
    public void Wait_WithTimeoutOnUnsetEvent_ReturnsFalseAfterTheTimeout()
    {
        bool? result = null;
        var elapsed = -1m;
        var record = RunClean(async sim =>
        {
            var sut = sim.NewEvent();
            var t0 = sim.Now;
            result = await sut.WaitAsync(Delay);
            elapsed = sim.Now - t0;
        });

        Assert.That(result, Is.False);
        Assert.That(elapsed, Is.InRange(Delay, Delay + Slack));
        Assert.That(record.Events.Any(e => e is { Op: "wake", Result: "timeout" }), Is.True);
    }

    [Test]
    public void IsSet_FollowsSetAndClear()
    {
        var seen = new List<bool>();
        RunClean(async sim =>
        {
            var sut = sim.NewEvent();
            seen.Add(await sut.IsSetAsync());
            await sut.SetAsync();
            seen.Add(await sut.IsSetAsync());
            await sut.SetAsync();
            seen.Add(await sut.IsSetAsync());
            await sut.ClearAsync();
            seen.Add(await sut.IsSetAsync());
            await sut.ClearAsync();
            seen.Add(await sut.IsSetAsync());
        });

        Assert.That(seen, Is.EqualTo(new List<bool> { false, true, true, false, false }));
    }

    [Test]
    public void Clear_WithBlockedWaiter_WakesNobody()
    {
        bool? result = null;
        var elapsed = -1m;
        RunClean(async sim =>
        {
            var sut = sim.NewEvent();
            var t0 = sim.Now;
            var waiters = await StartThreadsAsync(sim, 1, "waiter", async _ =>
            {
                result = await sut.WaitAsync(Delay);
                elapsed = sim.Now - t0;
            });
            await UntilBlockedAsync(sim, waiters);
            await sut.ClearAsync();
            await waiters[0].JoinAsync();
        });

        Assert.That(result, Is.False);
        Assert.That(elapsed, Is.GreaterThanOrEqualTo(Delay));
    }
}
