using SimHarness;
using Monitor = SimHarness.Monitor;

namespace MyScenarios;

/// <summary>
/// Two workers each start a shared service unless it is already started: check with is_set, then
/// act. The check and the act are two steps, so both workers can see "not started" and both start it.
/// </summary>
[ExpectedToFail("started-once")]
public sealed class DoubleCheckedStart : Scenario
{
    public override string Description => "check-then-act on an Event: two workers may both start the service";

    [Param("worker threads")]
    public int Workers { get; set; } = 2;

    public override async Task RunAsync(ISim sim)
    {
        var started = sim.NewEvent("started");
        var workers = new List<SimThread>();
        for (var i = 0; i < Workers; i++)
        {
            workers.Add(await sim.CreateThreadAsync(async () =>
            {
                if (!await started.IsSetAsync())
                {
                    await sim.PrintAsync($"{sim.CurrentThread.Name} starts the service");
                    await started.SetAsync();
                }
            }, "worker"));
        }

        foreach (var w in workers)
        {
            await w.StartAsync();
        }

        foreach (var w in workers)
        {
            await w.JoinAsync();
        }
    }

    public override IEnumerable<Monitor> Monitors => [new ServiceStarted()];

    public override IEnumerable<Invariant> Invariants =>
    [
        // Over the output only: a state-caching search may merge runs that reach the same state.
        Invariant.OverOutput("started-once", "the service is started exactly once", output =>
            output.Count(o => o.Text.EndsWith("starts the service", StringComparison.Ordinal)) is var n && n == 1 ? null : $"the service was started {n} times"),
    ];
}
