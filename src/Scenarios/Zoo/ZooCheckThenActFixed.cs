namespace SimHarness.Scenarios.Zoo;

// Inside the namespace, so Lock is the harness's and not System.Threading's.
using SimHarness.Threading;

/// <summary>Lazy initialisation flagged by an <see cref="Event"/>: each worker checks <c>is_set</c> and initialises if it is not, under a lock, so it happens once.</summary>
/// <remarks>The fixed twin of <see cref="ZooCheckThenAct"/>: the check and the act are one critical section.</remarks>
public class ZooCheckThenActFixed : Scenario
{
    internal const string Initialises = "initialises the resource";
    internal const string Uses = "uses the resource";

    /// <inheritdoc />
    public override string Description => "zoo, fixed: workers initialise a resource once, checking event.is_set() and setting it under one lock";

    /// <summary>Worker threads.</summary>
    [Param("worker threads that each make sure the resource is initialised", Min = 1, Max = 10_000)]
    public int Workers { get; set; } = 2;

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        var initialised = sim.NewEvent("initialised");
        var guard = sim.NewLock("init-lock");
        var workers = new List<SimThread>();
        for (var i = 0; i < Workers; i++)
        {
            workers.Add(await sim.CreateThreadAsync(
                async () =>
                {
                    await EnsureInitialisedAsync(sim, initialised, guard);
                    await sim.PrintAsync($"{sim.CurrentThread.Name} {Uses}");
                },
                "worker"));
        }

        foreach (var t in workers)
        {
            await t.StartAsync();
        }
    }

    /// <summary>Initialises the resource unless <paramref name="initialised"/> says it is done.</summary>
    protected virtual async Task EnsureInitialisedAsync(ISim sim, Event initialised, Lock guard)
    {
        await guard.AcquireAsync();
        if (!await initialised.IsSetAsync())
        {
            await sim.PrintAsync($"{sim.CurrentThread.Name} {Initialises}");
            await initialised.SetAsync();
        }

        await guard.ReleaseAsync();
    }

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        Invariant.OverOutput("initialised-once", "exactly one worker initialises the resource", output => ZooInvariants.CountOf(output, Initialises, 1)),
        Invariant.OverOutput("every-worker-uses", "every worker uses the resource", output => ZooInvariants.CountOf(output, Uses, Workers)),
    ];
}
