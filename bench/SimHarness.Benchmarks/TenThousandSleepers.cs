using SimHarness.Greenlets;

namespace SimHarness.Benchmarks;

/// <summary>10,000 greenlets on one hub sleep seeded random virtual durations and are joined (issue #3's memory figure).</summary>
/// <remarks>Run it with <c>SimHarness run TenThousandSleepers --assembly bench/.../SimHarness.Benchmarks.dll</c> under <c>/usr/bin/time</c>.</remarks>
public sealed class TenThousandSleepers : Scenario
{
    public override string Description => "10,000 greenlets sleep seeded random virtual durations (0-60 s, whole ms) and are joined";

    [Param("greenlets spawned")]
    public int Greenlets { get; set; } = 10_000;

    [Param("seed of the sleep durations")]
    public int Seed { get; set; } = 1;

    public override long MaxSteps => 10_000_000;

    public override async Task RunAsync(ISim sim)
    {
        var hub = Hub.Get(sim);
        var random = new Random(Seed);
        var all = new List<HubGreenlet>(Greenlets);
        for (var i = 0; i < Greenlets; i++)
        {
            var seconds = random.Next(0, 60_000) / 1000m;
            all.Add(await hub.SpawnAsync(() => hub.SleepAsync(seconds)));
        }

        await hub.JoinAllAsync(all);
        await sim.PrintAsync($"{Greenlets} greenlets joined at t={sim.Now}s");
    }
}
