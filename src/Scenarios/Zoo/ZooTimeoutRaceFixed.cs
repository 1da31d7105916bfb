using SimHarness.Scenarios.Monitors;

namespace SimHarness.Scenarios.Zoo;

// Inside the namespace, so Lock is the harness's and not System.Threading's.
using SimHarness.Threading;

/// <summary>A waiter waits for a result with a timeout and cancels when it times out; a worker delivers the result unless cancelled. Cancel and deliver are decided under one lock.</summary>
/// <remarks>
/// The fixed twin of <see cref="ZooTimeoutRace"/>. With the worker's delay equal to the waiter's
/// timeout, the timeout and the delivery land at the same virtual instant and both threads run
/// then, in either order (rule 4 of docs/semantics.md); <c>wait</c> returns false even if the set runs before
/// the waiter resumes (rule 5 of docs/semantics.md). Under the lock, the waiter looks at the result once more before it
/// cancels, and the worker looks at the cancellation before it delivers, so both agree.
/// </remarks>
public class ZooTimeoutRaceFixed : Scenario
{
    internal const string Got = "waiter got the result";
    internal const string TimedOut = "waiter timed out and gave up";
    internal const string Delivered = "worker delivered the result";
    internal const string Dropped = "worker dropped the result: the waiter gave up";

    /// <inheritdoc />
    public override string Description => "zoo, fixed: wait(timeout) for a result vs a worker that delivers it after a delay; cancel and deliver decided under one lock";

    /// <summary>Seconds the waiter waits for the result.</summary>
    [Param("seconds the waiter waits for the result")]
    public decimal WaitTimeout { get; set; } = 1;

    /// <summary>Seconds the worker takes to produce the result.</summary>
    [Param("seconds the worker takes to produce the result (equal to waitTimeout: a tie)")]
    public decimal Delay { get; set; } = 1;

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        var ready = sim.NewEvent("ready");
        var cancelled = sim.NewEvent("cancelled");
        var guard = sim.NewLock("handoff-lock");
        var waiter = await sim.CreateThreadAsync(
            async () =>
            {
                var got = await ready.WaitAsync(WaitTimeout) || !await CancelAsync(ready, cancelled, guard);
                await sim.PrintAsync(got ? Got : TimedOut);
            },
            "waiter");
        var worker = await sim.CreateThreadAsync(
            async () =>
            {
                await sim.SleepAsync(Delay);
                await sim.PrintAsync(await DeliverAsync(ready, cancelled, guard) ? Delivered : Dropped);
            },
            "worker");
        await waiter.StartAsync();
        await worker.StartAsync();
    }

    /// <summary>The waiter timed out: cancels, unless the result came meanwhile; returns whether it cancelled.</summary>
    protected virtual async Task<bool> CancelAsync(Event ready, Event cancelled, Lock guard)
    {
        await guard.AcquireAsync();
        var cancel = !await ready.IsSetAsync();
        if (cancel)
        {
            await cancelled.SetAsync();
        }

        await guard.ReleaseAsync();
        return cancel;
    }

    /// <summary>The worker has the result: delivers it unless the waiter cancelled; returns whether it delivered.</summary>
    protected virtual async Task<bool> DeliverAsync(Event ready, Event cancelled, Lock guard)
    {
        await guard.AcquireAsync();
        var deliver = !await cancelled.IsSetAsync();
        if (deliver)
        {
            await ready.SetAsync();
        }

        await guard.ReleaseAsync();
        return deliver;
    }

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        Invariant.OverOutput("outcome-agrees", "the result is delivered exactly when the waiter gets it", output =>
        {
            var got = output.Any(o => o.Text == Got);
            var delivered = output.Any(o => o.Text == Delivered);
            return got == delivered
                ? null
                : got ? "the waiter got a result the worker dropped" : "the worker delivered a result after the waiter gave up: the result is lost";
        }),
    ];

    /// <inheritdoc />
    public override IEnumerable<Monitor> Monitors => [new EveryThreadFinishesMonitor("every-thread-ends", "every thread finishes")];
}
