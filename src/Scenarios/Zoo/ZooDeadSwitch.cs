using SimHarness.Greenlets;

namespace SimHarness.Scenarios.Zoo;

/// <summary>Zoo bug, switching into a finished greenlet: the dispatcher switches every request into the worker without checking that it is still alive.</summary>
/// <remarks>
/// When the shutdown thread sets the event before the worker's check, the worker returns; the next
/// switch into it goes straight back to its parent (greenlet's rule for a dead greenlet) and
/// returns the request itself: the request is lost without a sound.
/// </remarks>
[ExpectedToFail("every-dispatch-handled")]
public sealed class ZooDeadSwitch : ZooDeadSwitchFixed
{
    /// <inheritdoc />
    public override string Description => "zoo bug: a dispatcher switches requests into a worker greenlet that may have finished; the switch returns at once and the request is lost";

    /// <inheritdoc />
    protected override async Task DispatchAsync(ISim sim, Greenlet worker, int request)
    {
        await sim.PrintAsync($"{Dispatch}{request}");
        await worker.SwitchAsync(request);
    }
}
