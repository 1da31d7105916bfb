using SimHarness.Threading;

namespace SimHarness.Tests.Vocabulary;

/// <summary>The twin of python/barrier_rules.py (the largest, kept in a file of its own).</summary>
internal static partial class VocabularyTwins
{
    public static async Task BarrierRules(ISim sim)
    {
        var b = sim.NewBarrier(3, () => sim.PrintAsync("action"));
        var indices = new List<int>();
        var threads = new List<SimThread>();
        for (var i = 0; i < 3; i++)
        {
            threads.Add(await sim.CreateThreadAsync(
                async () =>
                {
                    var index = await b.WaitAsync();
                    lock (indices)
                    {
                        indices.Add(index);
                    }
                },
                "party"));
        }

        foreach (var t in threads)
        {
            await t.StartAsync();
        }

        foreach (var t in threads)
        {
            await t.JoinAsync();
        }

        indices.Sort();
        await sim.PrintAsync(Py.Print(indices, await b.IsBrokenAsync(), await b.NWaitingAsync(), b.Parties));

        var t2 = sim.NewBarrier(2, timeout: 0.05m);
        await sim.PrintAsync(await BrokenAsync(() => t2.WaitAsync()));
        await sim.PrintAsync(Py.Str(await t2.IsBrokenAsync()));
        await sim.PrintAsync(await BrokenAsync(() => t2.WaitAsync()));
        await t2.ResetAsync();
        await sim.PrintAsync(Py.Str(await t2.IsBrokenAsync()));
        await t2.AbortAsync();
        await sim.PrintAsync(Py.Str(await t2.IsBrokenAsync()));
        await sim.PrintAsync(await BrokenAsync(() => t2.WaitAsync()));

        var one = sim.NewBarrier(1);
        await sim.PrintAsync(Py.Print(await one.WaitAsync(), await one.WaitAsync()));

        var outcome = new List<string>();
        var b3 = sim.NewBarrier(2);
        var w = await sim.CreateThreadAsync(
            async () =>
            {
                try
                {
                    await b3.WaitAsync();
                    outcome.Add("passed");
                }
                catch (BrokenBarrierError)
                {
                    outcome.Add("broken");
                }
            },
            "doomed");
        await w.StartAsync();
        while (await b3.NWaitingAsync() < 1)
        {
            await sim.SleepAsync(0.001m);
        }

        await b3.AbortAsync();
        await w.JoinAsync();
        await sim.PrintAsync(Py.Str(outcome));

        var b4 = sim.NewBarrier(2);
        var after = new List<object>();
        Func<Task> waitOn = async () =>
        {
            object result;
            try
            {
                result = await b4.WaitAsync();
            }
            catch (BrokenBarrierError)
            {
                result = "broken";
            }

            lock (after)
            {
                after.Add(result);
            }
        };
        var first = await sim.CreateThreadAsync(waitOn, "wait_on");
        await first.StartAsync();
        while (await b4.NWaitingAsync() < 1)
        {
            await sim.SleepAsync(0.001m);
        }

        await b4.ResetAsync();
        await first.JoinAsync();
        await sim.PrintAsync(Py.Print(after, await b4.IsBrokenAsync()));
        var pair = new List<SimThread> { await sim.CreateThreadAsync(waitOn, "wait_on"), await sim.CreateThreadAsync(waitOn, "wait_on") };
        foreach (var t in pair)
        {
            await t.StartAsync();
        }

        foreach (var t in pair)
        {
            await t.JoinAsync();
        }

        await sim.PrintAsync(Py.Str(after.Skip(1).Cast<int>().Order()));
    }
}
