namespace SimHarness.Scenarios.Zoo;

/// <summary>Zoo bug, livelock: neither walker yields; each keeps its flag up and polls, sleeping, until the other's drops.</summary>
/// <remarks>
/// When both flags are up before either walker polls, both poll forever: nothing blocks (a timer is
/// always armed, so it is no deadlock) and virtual time runs on: the <c>walker-passes</c> monitor stays
/// hot past its temperature, a liveness violation long before the step bound would cut the run.
/// </remarks>
[ExpectedToFail("walker-passes")]
public sealed class ZooLivelock : ZooLivelockFixed
{
    /// <inheritdoc />
    public override string Description => "zoo bug: two walkers raise a flag and poll the other's with back-off, neither yields; once both flags are up they poll forever";

    /// <inheritdoc />
    protected override async Task PassAsync(ISim sim, Event mine, Event theirs, bool yields)
    {
        await mine.SetAsync();
        while (await theirs.IsSetAsync())
        {
            await sim.SleepAsync(Backoff);
        }
    }
}
