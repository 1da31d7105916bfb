namespace SimHarness.Scenarios.Vocabulary;

// Inside the namespace, so the harness's types win over System.Threading's.
using SimHarness.Threading;

/// <summary>Waiters wait on a <see cref="Condition"/> for a flag a notifier sets, with <c>wait_for(predicate)</c>: none misses the notify.</summary>
/// <remarks>
/// The flag is a plain field guarded by the condition's lock: every read and write of it happens
/// while holding the lock, whose acquire and release are steps, so the harness sees every order.
/// </remarks>
public class ConditionWaitFor : Scenario
{
    internal const string Woke = "woke";

    /// <inheritdoc />
    public override string Description => "threading.Condition: waiters wait_for(ready) under the lock, a notifier sets ready and notify_all()s";

    /// <summary>Waiting threads.</summary>
    [Param("threads that wait for the notifier", Min = 0, Max = 10_000)]
    public int Waiters { get; set; } = 2;

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        var cond = sim.NewCondition();
        var ready = new Flag();
        var threads = new List<SimThread>();
        for (var i = 0; i < Waiters; i++)
        {
            threads.Add(await sim.CreateThreadAsync(() => WaiterAsync(sim, cond, ready), "waiter"));
        }

        threads.Add(await sim.CreateThreadAsync(() => NotifierAsync(cond, ready), "notifier"));
        foreach (var t in threads)
        {
            await t.StartAsync();
        }
    }

    /// <summary>Waits, holding the lock, until the flag is set.</summary>
    protected virtual Task WaitAsync(Condition cond, Flag ready) => cond.WaitForAsync(() => ready.IsSet);

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        Invariant.OverOutput("every-waiter-wakes", "every waiter wakes up and every thread finishes", EveryWaiterWakes),
    ];

    private string? EveryWaiterWakes(IReadOnlyList<OutputLine> output)
    {
        var woke = output.Count(o => o.Text.EndsWith(Woke, StringComparison.Ordinal));
        return woke == Waiters ? null : $"{woke} of {Waiters} waiters woke";
    }

    private async Task WaiterAsync(ISim sim, Condition cond, Flag ready)
    {
        await cond.AcquireAsync();
        await WaitAsync(cond, ready);
        await sim.PrintAsync($"{sim.CurrentThread.Name} {Woke}");
        await cond.ReleaseAsync();
    }

    private static async Task NotifierAsync(Condition cond, Flag ready)
    {
        await cond.AcquireAsync();
        ready.IsSet = true;
        await cond.NotifyAllAsync();
        await cond.ReleaseAsync();
    }

    /// <summary>A flag shared under the condition's lock.</summary>
    protected sealed class Flag
    {
        /// <summary>Whether the notifier has run.</summary>
        public bool IsSet { get; set; }
    }
}
