namespace SimHarness.Tests.Cli;

/// <summary>A scenario that deadlocks in every run and is not marked as expected to fail: an unexpected violation for the CI reports.</summary>
public sealed class UnexpectedDeadlock : Scenario
{
    /// <inheritdoc />
    public override string Description => "waits on an event nobody sets (an unexpected deadlock)";

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var never = sim.NewEvent("never");
        await never.WaitAsync();
    }
}
