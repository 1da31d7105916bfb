namespace SimHarness.Scenarios.Threading;

/// <summary>The seed's first Event program: three connect threads wait until the check thread sets the event.</summary>
public class EventCheckConnect : Scenario
{
    internal const string Checking = "正在检测服务是否正常....";
    internal const string Waiting = "等待连接...";
    internal const string Connecting = "开始连接...";

    /// <inheritdoc />
    public override string Description => "threading.Event: connect threads wait until check sets the event after checkDelay seconds";

    /// <summary>Number of connect threads.</summary>
    [Param("connect threads started before the check thread", Min = 0, Max = 10_000)]
    public int Threads { get; set; } = 3;

    /// <summary>Seconds the check thread sleeps before setting the event.</summary>
    [Param("seconds the check thread sleeps before setting the event")]
    public decimal CheckDelay { get; set; } = 3;

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
    protected virtual async Task CheckAsync(ISim sim, Event ev)
    {
        await sim.PrintAsync($"{sim.CurrentThread.Name} {Checking}");
        await sim.SleepAsync(CheckDelay);
        await ev.SetAsync();
    }

    private static async Task ConnectAsync(ISim sim, Event ev)
    {
        await sim.PrintAsync($"{sim.CurrentThread.Name} {Waiting}");
        await ev.WaitAsync();
        await sim.PrintAsync($"{sim.CurrentThread.Name} {Connecting}");
    }

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        new("connect-after-set", "a thread prints that it connects only after the event is set", r => EventInvariants.ConnectOnlyAfterSet(r, Connecting)),
        new("every-thread-ends", "every connect thread connects and every thread finishes", r => EventInvariants.EveryThreadEnds(r, Threads, Connecting, Threads)),
    ];
}
