using SimHarness.Greenlets;

namespace SimHarness.Scenarios.Zoo;

/// <summary>A dispatcher switches requests into a worker greenlet, which stops once a shutdown thread has set an event; the dispatcher refuses requests once the worker is dead.</summary>
/// <remarks>
/// The fixed twin of <see cref="ZooDeadSwitch"/>. The worker handles a request, then checks the
/// shutdown event (a step, so the shutdown thread can set it at any point) and either returns, ending
/// its greenlet, or switches back to the dispatcher for the next request.
/// </remarks>
public class ZooDeadSwitchFixed : Scenario
{
    internal const string Dispatch = "dispatch ";
    internal const string Handled = "handled ";
    internal const string Refused = "refused ";

    /// <inheritdoc />
    public override string Description => "zoo, fixed: a dispatcher switches requests into a worker greenlet that stops on shutdown, and checks `worker.dead` first";

    /// <summary>Requests the dispatcher hands to the worker.</summary>
    [Param("requests the dispatcher switches into the worker greenlet", Min = 0, Max = 100_000)]
    public int Requests { get; set; } = 2;

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        var shutdown = sim.NewEvent("shutdown");
        var stopper = await sim.CreateThreadAsync(() => shutdown.SetAsync(), "shutdown");
        await stopper.StartAsync();
        var dispatcher = Greenlet.GetCurrent(sim);
        var worker = new Greenlet(
            sim,
            async args =>
            {
                var request = args[0];
                while (true)
                {
                    await sim.PrintAsync($"{Handled}{request}");
                    if (await shutdown.IsSetAsync())
                    {
                        await sim.PrintAsync("worker stops");
                        return "stopped";
                    }

                    request = await dispatcher.SwitchAsync("ack");
                }
            },
            name: "worker");
        for (var r = 1; r <= Requests; r++)
        {
            await DispatchAsync(sim, worker, r);
        }

        await stopper.JoinAsync();
    }

    /// <summary>Hands request <paramref name="request"/> to the worker, unless it has finished.</summary>
    protected virtual async Task DispatchAsync(ISim sim, Greenlet worker, int request)
    {
        if (worker.Dead)
        {
            await sim.PrintAsync($"{Refused}{request}");
            return;
        }

        await sim.PrintAsync($"{Dispatch}{request}");
        await worker.SwitchAsync(request);
    }

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        Invariant.OverOutput("every-dispatch-handled", "every request dispatched to the worker is handled by it", output =>
        {
            var handled = output.Where(o => o.Text.StartsWith(Handled, StringComparison.Ordinal)).Select(o => o.Text[Handled.Length..]).ToHashSet(StringComparer.Ordinal);
            var lost = output.Where(o => o.Text.StartsWith(Dispatch, StringComparison.Ordinal)).Select(o => o.Text[Dispatch.Length..]).Where(q => !handled.Contains(q)).ToArray();
            return lost.Length == 0 ? null : $"request(s) {string.Join(", ", lost)} were switched into the finished worker and silently lost";
        }),
        Invariant.OverOutput("every-request-answered", "every request is handled or refused", output =>
        {
            var missing = Enumerable.Range(1, Requests)
                .Where(q => !output.Any(o => o.Text == $"{Handled}{q}" || o.Text == $"{Refused}{q}"))
                .ToArray();
            return missing.Length == 0 ? null : $"request(s) {string.Join(", ", missing)} were neither handled nor refused";
        }),
    ];
}
