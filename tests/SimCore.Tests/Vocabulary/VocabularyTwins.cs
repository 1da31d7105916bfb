using SimHarness.Threading;

namespace SimHarness.Tests.Vocabulary;

/// <summary>
/// The C# twin of each program in python/: the same calls in the same order, printing the same
/// lines. Each program is written so CPython's output does not depend on its scheduling, so one
/// run of the twin on either backend must print exactly what CPython printed.
/// </summary>
internal static partial class VocabularyTwins
{
    public static async Task LockRules(ISim sim)
    {
        var sut = sim.NewLock();
        await sim.PrintAsync(Py.Str(await sut.AcquireAsync()));
        await sim.PrintAsync(Py.Str(await sut.AcquireAsync(false)));
        await sim.PrintAsync(Py.Str(await sut.AcquireAsync(timeout: 0)));
        await sim.PrintAsync(Py.Str(await sut.AcquireAsync(timeout: 0.05m)));
        await sim.PrintAsync(Py.Str(await sut.LockedAsync()));
        var other = await sim.CreateThreadAsync(() => sut.ReleaseAsync(), "release");
        await other.StartAsync();
        await other.JoinAsync();
        await sim.PrintAsync(Py.Str(await sut.LockedAsync()));
        await sim.PrintAsync(await Py.ErrAsync(() => sut.ReleaseAsync()));
        await sim.PrintAsync(await Py.ErrAsync(async () => await sut.AcquireAsync(false, 1)));
        await sim.PrintAsync(await Py.ErrAsync(async () => await sut.AcquireAsync(timeout: -2)));
        await sim.PrintAsync(Py.Str(await sut.AcquireAsync(timeout: -1)));
    }

    public static async Task RlockRules(ISim sim)
    {
        var sut = sim.NewRLock();
        await sim.PrintAsync(Py.Str(await sut.AcquireAsync()));
        await sim.PrintAsync(Py.Str(await sut.AcquireAsync()));
        var results = new List<object>();
        var t = await sim.CreateThreadAsync(
            async () =>
            {
                results.Add(await sut.AcquireAsync(false));
                try
                {
                    await sut.ReleaseAsync();
                }
                catch (RuntimeError e)
                {
                    results.Add($"{e.GetType().Name}: {e.Message}");
                }
            },
            "intruder");
        await t.StartAsync();
        await t.JoinAsync();
        await sim.PrintAsync(Py.Str(results));
        await sut.ReleaseAsync();
        await sut.ReleaseAsync();
        await sim.PrintAsync(await Py.ErrAsync(() => sut.ReleaseAsync()));
        await sim.PrintAsync(Py.Str(await sut.AcquireAsync(false)));
    }

    public static async Task ConditionRules(ISim sim)
    {
        var sut = sim.NewCondition();
        await sim.PrintAsync(await Py.ErrAsync(async () => await sut.WaitAsync()));
        await sim.PrintAsync(await Py.ErrAsync(() => sut.NotifyAsync()));
        await sim.PrintAsync(Py.Str(await sut.WaitForAsync(() => true)));
        await sut.AcquireAsync();
        await sim.PrintAsync(Py.Str(await sut.WaitAsync(0.05m)));
        await sim.PrintAsync(Py.Str(await sut.WaitForAsync(() => false, 0.05m)));
        await sim.PrintAsync(Py.Str(await sut.WaitAsync(0)));
        await sut.ReleaseAsync();
        await NotifyThreeWaitersAsync(sim, sut, c => c.NotifyAsync(2));
        await NotifyThreeWaitersAsync(sim, sut, c => c.NotifyAllAsync());
    }

    public static async Task SemaphoreRules(ISim sim)
    {
        var s = sim.NewSemaphore(0);
        await sim.PrintAsync(Py.Str(await s.AcquireAsync(false)));
        await sim.PrintAsync(Py.Str(await s.AcquireAsync(timeout: 0)));
        await sim.PrintAsync(Py.Str(await s.AcquireAsync(timeout: 0.05m)));
        await s.ReleaseAsync(2);
        await sim.PrintAsync(Py.Print(await s.AcquireAsync(), await s.AcquireAsync(), await s.AcquireAsync(false)));
        await sim.PrintAsync(await Py.ErrAsync(() => s.ReleaseAsync(0)));
        await sim.PrintAsync(await Py.ErrAsync(async () => await s.AcquireAsync(false, 1)));
        await sim.PrintAsync(await Py.ErrAsync(() => Task.FromResult<object?>(sim.NewSemaphore(-1))));
        var b = sim.NewBoundedSemaphore(2);
        await sim.PrintAsync(Py.Print(await b.AcquireAsync(), await b.AcquireAsync(), await b.AcquireAsync(false)));
        await b.ReleaseAsync();
        await b.ReleaseAsync();
        await sim.PrintAsync(await Py.ErrAsync(() => b.ReleaseAsync()));
        await sim.PrintAsync(Py.Str(await b.AcquireAsync(false)));
        var got = new List<bool>();
        var takers = new List<SimThread>();
        for (var i = 0; i < 2; i++)
        {
            takers.Add(await sim.CreateThreadAsync(
                async () =>
                {
                    var ok = await s.AcquireAsync(timeout: 1);
                    lock (got)
                    {
                        got.Add(ok);
                    }
                },
                "taker"));
        }

        foreach (var t in takers)
        {
            await t.StartAsync();
        }

        await s.ReleaseAsync(2);
        foreach (var t in takers)
        {
            await t.JoinAsync();
        }

        await sim.PrintAsync(Py.Str(got));
    }

    public static async Task QueueRules(ISim sim)
    {
        var q = sim.NewQueue<string>(1);
        await sim.PrintAsync(Py.Print(q.Maxsize, await q.QsizeAsync(), await q.IsEmptyAsync(), await q.IsFullAsync()));
        await sim.PrintAsync(await Py.ErrAsync(async () => await q.GetNowaitAsync()));
        await sim.PrintAsync(await Py.ErrAsync(async () => await q.GetAsync(timeout: 0)));
        await sim.PrintAsync(await Py.ErrAsync(async () => await q.GetAsync(timeout: 0.05m)));
        await sim.PrintAsync(await Py.ErrAsync(async () => await q.GetAsync(timeout: -1)));
        await q.PutAsync("a");
        await sim.PrintAsync(Py.Print(await q.QsizeAsync(), await q.IsEmptyAsync(), await q.IsFullAsync()));
        await sim.PrintAsync(await Py.ErrAsync(() => q.PutAsync("b", false)));
        await sim.PrintAsync(await Py.ErrAsync(() => q.PutAsync("b", timeout: 0.05m)));
        await sim.PrintAsync(await Py.ErrAsync(() => q.PutAsync("b", timeout: -1)));
        await sim.PrintAsync(await q.GetAsync());
        await q.TaskDoneAsync();
        await sim.PrintAsync(await Py.ErrAsync(() => q.TaskDoneAsync()));

        var u = sim.NewQueue<int>();
        for (var i = 0; i < 3; i++)
        {
            await u.PutAsync(i);
        }

        var full = await u.IsFullAsync();
        await sim.PrintAsync(Py.Print(full, new[] { await u.GetAsync(), await u.GetAsync(), await u.GetAsync() }));

        var work = sim.NewQueue<int>(2);
        var done = new List<int>();
        var worker = await sim.CreateThreadAsync(
            async () =>
            {
                while (true)
                {
                    done.Add(await work.GetAsync() * 10);
                    await work.TaskDoneAsync();
                }
            },
            "worker",
            daemon: true);
        await worker.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await work.PutAsync(i);
        }

        await work.JoinAsync();
        await sim.PrintAsync(Py.Str(done));
    }

    public static async Task TimerRules(ISim sim)
    {
        var fired = new List<string>();
        var t = await sim.CreateTimerAsync(0.05m, () => Add(fired, "first"));
        await sim.PrintAsync(Py.Print(t.Thread.Name, t.Thread.IsDaemon));
        await t.StartAsync();
        await t.Thread.JoinAsync();
        var c = await sim.CreateTimerAsync(30, () => Add(fired, "cancelled"));
        await c.StartAsync();
        await c.CancelAsync();
        await c.Thread.JoinAsync();
        await sim.PrintAsync(Py.Str(fired));

        var slow = await sim.CreateTimerAsync(0.2m, () => Add(fired, "slow"));
        await slow.StartAsync();
        await sim.PrintAsync(Py.Str(!await slow.Thread.JoinAsync(0.05m)));
        await slow.Thread.JoinAsync();
        await sim.PrintAsync(Py.Print(!await slow.Thread.JoinAsync(0), fired));
    }

    private static Task Add(List<string> list, string item)
    {
        list.Add(item);
        return Task.CompletedTask;
    }

    private static async Task<string> BrokenAsync(Func<Task<int>> wait)
    {
        try
        {
            return Py.Print("ok", await wait());
        }
        catch (BrokenBarrierError e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static async Task NotifyThreeWaitersAsync(ISim sim, Condition cond, Func<Condition, Task> notify)
    {
        var queued = 0;
        var results = new List<bool>();
        var threads = new List<SimThread>();
        for (var i = 0; i < 3; i++)
        {
            threads.Add(await sim.CreateThreadAsync(
                async () =>
                {
                    await cond.AcquireAsync();
                    queued++;
                    results.Add(await cond.WaitAsync(0.5m));
                    await cond.ReleaseAsync();
                },
                "waiter"));
        }

        foreach (var t in threads)
        {
            await t.StartAsync();
        }

        while (true)
        {
            await cond.AcquireAsync();
            var all = queued == 3;
            if (all)
            {
                await notify(cond);
            }

            await cond.ReleaseAsync();
            if (all)
            {
                break;
            }

            await sim.SleepAsync(0.01m);
        }

        foreach (var t in threads)
        {
            await t.JoinAsync();
        }

        results.Sort();
        await sim.PrintAsync(Py.Str(results));
    }
}
