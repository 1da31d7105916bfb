namespace SimHarness.Scenarios.Zoo;

// Inside the namespace, so Lock is the harness's and not System.Threading's.
using SimHarness.Threading;

/// <summary>Zoo bug, timeout race: the waiter cancels when its wait times out, and the worker delivers unless cancelled, each deciding on its own.</summary>
/// <remarks>
/// When the timeout and the delivery land at the same virtual instant, the worker can find the
/// waiter not yet cancelled and deliver, while the waiter, whose wait already returned false,
/// cancels and gives up: the result is delivered to nobody.
/// </remarks>
[ExpectedToFail("outcome-agrees")]
public sealed class ZooTimeoutRace : ZooTimeoutRaceFixed
{
    /// <inheritdoc />
    public override string Description => "zoo bug: wait(timeout) returns false, the waiter cancels, while the worker, at the same instant, already checked and delivers";

    /// <inheritdoc />
    protected override async Task<bool> CancelAsync(Event ready, Event cancelled, Lock guard)
    {
        await cancelled.SetAsync();
        return true;
    }

    /// <inheritdoc />
    protected override async Task<bool> DeliverAsync(Event ready, Event cancelled, Lock guard)
    {
        if (await cancelled.IsSetAsync())
        {
            return false;
        }

        await ready.SetAsync();
        return true;
    }
}
