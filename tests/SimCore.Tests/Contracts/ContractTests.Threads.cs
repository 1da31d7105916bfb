namespace SimHarness.Tests.Contracts;

/// <summary>Threads, names, run end and failures (rules 2, 7 and 8 of docs/semantics.md).</summary>
public abstract partial class ContractTests
{
    [Test]
    public void Deadlock_EveryThreadBlockedWithoutTimeout_ReportsEachBlockedThreadByName()
    {
        var record = Run(async sim =>
        {
            var never = sim.NewEvent("never");
            var waiters = await StartThreadsAsync(sim, 2, "waiter", async _ => await never.WaitAsync());
            await waiters[0].JoinAsync();
        });

        Assert.That(record.Completed, Is.False);
        Assert.That(record.Violations, Has.Count.EqualTo(1));
        var sut = record.Violations[0];
        Assert.That(sut.Invariant, Is.EqualTo("deadlock"));
        Assert.That(sut.Message, Does.Contain("MainThread waits on join Thread-1 (waiter)"));
        Assert.That(sut.Message, Does.Contain("Thread-1 (waiter) waits on wait never"));
        Assert.That(sut.Message, Does.Contain("Thread-2 (waiter) waits on wait never"));
    }

    [Test]
    public void Deadlock_NotReportedWhileATimeoutIsArmed()
    {
        bool? result = null;
        RunClean(async sim =>
        {
            var never = sim.NewEvent();
            // Main blocks for good only after the waiter's timeout; until then a timer is armed.
            var waiters = await StartThreadsAsync(sim, 1, "waiter", async _ => result = await never.WaitAsync(Delay));
            await waiters[0].JoinAsync();
        });

        Assert.That(result, Is.False);
    }

    [Test]
    public void ThreadNames_FollowCPython_MainThreadAndThreadNFromOneCounter()
    {
        var seen = new List<string>();
        var record = RunClean(async sim =>
        {
            seen.Add(sim.CurrentThread.Name);
            var a = await sim.CreateThreadAsync(() => Task.CompletedTask, "alpha");
            // CPython: an explicit name takes no number from the counter.
            var named = await sim.CreateThreadAsync(() => Task.CompletedTask, "alpha", name: "worker");
            var b = await sim.CreateThreadAsync(async () => seen.Add(sim.CurrentThread.Name), "beta");
            await b.StartAsync();
            await b.JoinAsync();
            seen.Add(a.Name);
            seen.Add(named.Name);
        });

        Assert.That(seen, Is.EqualTo(new List<string> { "MainThread", "Thread-2 (beta)", "Thread-1 (alpha)", "worker" }));
        Assert.That(record.Threads, Is.EqualTo(new List<string> { "MainThread", "Thread-1 (alpha)", "worker", "Thread-2 (beta)" }));
    }

    [Test]
    public void Daemon_BlockedForever_DoesNotKeepTheRunAlive()
    {
        var record = RunClean(async sim =>
        {
            var never = sim.NewEvent();
            var daemon = await sim.CreateThreadAsync(async () => await never.WaitAsync(), "server", daemon: true);
            await daemon.StartAsync();
            await sim.PrintAsync("main done");
        });

        Assert.That(record.Transcript, Is.EqualTo(new List<string> { "main done" }));
        Assert.That(record.Threads, Does.Contain("Thread-1 (server)"));
    }

    [Test]
    public void Daemon_LoopingForever_DoesNotKeepTheRunAlive()
    {
        var record = RunClean(async sim =>
        {
            var daemon = await sim.CreateThreadAsync(
                async () =>
                {
                    while (true)
                    {
                        await sim.SleepAsync(Delay / 10);
                    }
                },
                "ticker",
                daemon: true);
            await daemon.StartAsync();
            await sim.SleepAsync(Delay);
            await sim.PrintAsync("main done");
        });

        Assert.That(record.Transcript, Is.EqualTo(new List<string> { "main done" }));
    }

    [Test]
    public void NonDaemon_OutlivingMain_KeepsTheRunAlive()
    {
        var record = RunClean(async sim =>
        {
            var worker = await sim.CreateThreadAsync(
                async () =>
                {
                    await sim.SleepAsync(Delay);
                    await sim.PrintAsync("worker done");
                },
                "worker");
            await worker.StartAsync();
            await sim.PrintAsync("main done");
        });

        Assert.That(record.Transcript, Is.EqualTo(new List<string> { "main done", "worker done" }));
    }

    [Test]
    public void UncaughtException_InAThread_IsAViolationWithItsText()
    {
        var record = Run(async sim =>
        {
            var bad = await sim.CreateThreadAsync(
                async () =>
                {
                    await sim.PrintAsync("about to fail");
                    throw new InvalidOperationException("boom");
                },
                "bad");
            await bad.StartAsync();
            await bad.JoinAsync();
        });

        Assert.That(record.Violations, Has.Count.EqualTo(1));
        var sut = record.Violations[0];
        Assert.That(sut.Invariant, Is.EqualTo("uncaught-exception"));
        Assert.That(sut.Message, Does.StartWith("Exception in thread Thread-1 (bad)"));
        Assert.That(sut.Message, Does.Contain("InvalidOperationException: boom"));
    }
}
