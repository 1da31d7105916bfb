namespace SimHarness.Scenarios.Zoo;

/// <summary>Two walkers meet in a narrow corridor: each raises its flag (an <see cref="Event"/>) and polls the other's, sleeping between polls; walker-1 yields (lowers its flag) while walker-0's is up.</summary>
/// <remarks>
/// The fixed twin of <see cref="ZooLivelock"/>. Raising one's own flag before reading the other's
/// keeps the corridor to one walker at a time (Dekker's handshake); the asymmetric rule lets one of
/// them through.
/// </remarks>
public class ZooLivelockFixed : Scenario
{
    internal const string Enters = "enters the corridor";
    internal const string Leaves = "leaves the corridor";

    /// <inheritdoc />
    public override string Description => "zoo, fixed: two walkers raise a flag (event) and poll the other's; walker-1 lowers its flag while walker-0's is up";

    /// <summary>Seconds a walker sleeps between polls.</summary>
    [Param("seconds a walker sleeps between two polls of the other's flag")]
    public decimal Backoff { get; set; } = 0.1m;

    /// <summary>A backstop: the broken twin's livelock is reported by <see cref="WalkerPassesMonitor"/> long before it (every run of this twin takes under 30 steps).</summary>
    public override long MaxSteps => 60;

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        Event[] flags = [sim.NewEvent("flag-0"), sim.NewEvent("flag-1")];
        var walkers = new List<SimThread>();
        for (var i = 0; i < 2; i++)
        {
            var me = i;
            walkers.Add(await sim.CreateThreadAsync(
                async () =>
                {
                    await PassAsync(sim, flags[me], flags[1 - me], yields: me == 1);
                    await sim.PrintAsync($"{sim.CurrentThread.Name} {Enters}");
                    await sim.PrintAsync($"{sim.CurrentThread.Name} {Leaves}");
                    await flags[me].ClearAsync();
                },
                "walk",
                name: $"walker-{me}"));
        }

        foreach (var t in walkers)
        {
            await t.StartAsync();
        }
    }

    /// <summary>Returns when the walker may enter the corridor.</summary>
    /// <param name="sim">The world.</param>
    /// <param name="mine">The walker's own flag.</param>
    /// <param name="theirs">The other walker's flag.</param>
    /// <param name="yields">Whether this walker gives way when both want to pass.</param>
    protected virtual async Task PassAsync(ISim sim, Event mine, Event theirs, bool yields)
    {
        await mine.SetAsync();
        while (await theirs.IsSetAsync())
        {
            if (yields)
            {
                await mine.ClearAsync();
                while (await theirs.IsSetAsync())
                {
                    await sim.SleepAsync(Backoff);
                }

                await mine.SetAsync();
            }
            else
            {
                await sim.SleepAsync(Backoff);
            }
        }
    }

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        Invariant.OverOutput("one-in-corridor", "the walkers are never in the corridor together", OneInCorridor),
        Invariant.OverOutput("both-pass", "both walkers pass the corridor", output => ZooInvariants.CountOf(output, Leaves, 2)),
    ];

    /// <summary>Steps a walker may wait with its flag up before the run counts as a livelock (every run of this twin waits far fewer).</summary>
    public const long PassTemperature = 20;

    /// <inheritdoc />
    public override IEnumerable<Monitor> Monitors => [new WalkerPassesMonitor(PassTemperature)];

    private static string? OneInCorridor(IReadOnlyList<OutputLine> output)
    {
        string? inside = null;
        foreach (var line in output)
        {
            if (line.Text.EndsWith(Enters, StringComparison.Ordinal))
            {
                if (inside is not null)
                {
                    return $"{line.Thread} entered while {inside} was inside";
                }

                inside = line.Thread;
            }
            else if (line.Text.EndsWith(Leaves, StringComparison.Ordinal))
            {
                inside = null;
            }
        }

        return null;
    }
}
