namespace SimHarness.Scenarios.Threading;

/// <summary>The shape of the seed's first Event program: connect threads wait on an event, a check thread decides when they go.</summary>
/// <remarks>
/// <see cref="EventCheckConnect"/> checks for <c>checkDelay</c> seconds and sets the event; its
/// broken twin <see cref="EventCheckConnectLostWakeup"/> pulses it at once, so only the shared part
/// (the connect threads and the invariants) lives here and each declares only the parameters it uses.
/// </remarks>
public abstract class ConnectAndCheck : Scenario
{
    internal const string Checking = "正在检测服务是否正常....";
    internal const string Waiting = "等待连接...";
    internal const string Connecting = "开始连接...";

    /// <summary>Number of connect threads.</summary>
    [Param("connect threads started before the check thread", Min = 0, Max = 10_000)]
    public int Threads { get; set; } = 3;

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        var ev = sim.NewEvent();
        var threads = new List<SimThread>();
        for (var i = 0; i < Threads; i++)
        {
            threads.Add(await sim.CreateThreadAsync(() => ConnectAsync(sim, ev), "connect"));
        }

        threads.Add(await sim.CreateThreadAsync(() => CheckAsync(sim, ev), "check"));
        foreach (var t in threads)
        {
            await t.StartAsync();
        }
    }

    /// <summary>The check thread's body.</summary>
    protected abstract Task CheckAsync(ISim sim, Event ev);

    private static async Task ConnectAsync(ISim sim, Event ev)
    {
        await sim.PrintAsync($"{sim.CurrentThread.Name} {Waiting}");
        await ev.WaitAsync();
        await sim.PrintAsync($"{sim.CurrentThread.Name} {Connecting}");
    }

    /// <inheritdoc />
    public override IEnumerable<Monitor> Monitors => EventInvariants.Shared(Connecting, "every connect thread connects and every thread finishes");

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        Invariant.OverOutput("every-thread-ends", "every connect thread connects and every thread finishes", o => EventInvariants.EnoughConnect(o, Threads, Connecting, Threads)),
    ];
}
