namespace SimHarness.Scenarios.Zoo;

// Inside the namespace, so Lock is the harness's and not System.Threading's.
using SimHarness.Threading;

/// <summary>Zoo bug, check-then-act: a worker checks <c>is_set()</c>, then initialises and sets, with nothing making the two one step.</summary>
/// <remarks>Two workers can both find the event unset before either sets it: both initialise.</remarks>
[ExpectedToFail("initialised-once")]
public sealed class ZooCheckThenAct : ZooCheckThenActFixed
{
    /// <inheritdoc />
    public override string Description => "zoo bug: `if not ev.is_set(): init(); ev.set()` in two workers, both can initialise";

    /// <inheritdoc />
    protected override async Task EnsureInitialisedAsync(ISim sim, Event initialised, Lock guard)
    {
        if (!await initialised.IsSetAsync())
        {
            await sim.PrintAsync($"{sim.CurrentThread.Name} {Initialises}");
            await initialised.SetAsync();
        }
    }
}
