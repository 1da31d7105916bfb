namespace SimHarness.Scenarios.Threading;

/// <summary>The seed's second Event program: connect threads retry with a timed wait and give up after too many attempts.</summary>
public class EventRetryLimit : Scenario
{
    internal const string Checking = "正在检测服务是否正常....";
    internal const string TooMany = "尝试的次数过多,请稍后重试";
    internal const string Connecting = "开始连接...";

    /// <inheritdoc />
    public override string Description => "threading.Event: connect threads wait(waitTimeout) in a loop and give up after `attempts` attempts";

    /// <summary>Number of connect threads.</summary>
    [Param("connect threads started before the check thread", Min = 0, Max = 10_000)]
    public int Threads { get; set; } = 3;

    /// <summary>Seconds the check thread sleeps before setting the event.</summary>
    [Param("seconds the check thread sleeps before setting the event")]
    public decimal CheckDelay { get; set; } = 5;

    /// <summary>Seconds each attempt waits.</summary>
    [Param("seconds each attempt waits on the event")]
    public decimal WaitTimeout { get; set; } = 1;

    /// <summary>Attempts before giving up (the seed's counter gives up when it reaches 4).</summary>
    [Param("attempts before a connect thread gives up (the seed's count == 4 means 3)", Min = 0, Max = 10_000)]
    public int Attempts { get; set; } = 3;

    /// <summary>The count at which a connect thread gives up; the broken twin overrides it.</summary>
    protected virtual int GiveUpAt => Attempts + 1;

    internal static string AttemptLine(string thread, int count) => $"{thread} 尝试第{count}次连接...";

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

    private async Task CheckAsync(ISim sim, Event ev)
    {
        await sim.PrintAsync($"{sim.CurrentThread.Name} {Checking}");
        await sim.SleepAsync(CheckDelay);
        await ev.SetAsync();
    }

    private async Task ConnectAsync(ISim sim, Event ev)
    {
        var count = 1;
        while (!await ev.IsSetAsync())
        {
            if (count == GiveUpAt)
            {
                await sim.PrintAsync(TooMany);
                return;
            }

            await sim.PrintAsync(AttemptLine(sim.CurrentThread.Name, count));
            await ev.WaitAsync(WaitTimeout);
            count++;
        }

        await sim.PrintAsync($"{sim.CurrentThread.Name} {Connecting}");
    }

    /// <inheritdoc />
    public override IEnumerable<Monitor> Monitors =>
        [.. EventInvariants.Shared(Connecting, "every thread finishes"), new GivesUpAfterAttemptsMonitor(Attempts, TooMany)];

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        Invariant.OverOutput("connects-when-in-time", "when checkDelay < attempts x waitTimeout every thread connects", o =>
            CheckDelay < Attempts * WaitTimeout ? EventInvariants.EnoughConnect(o, Threads, Connecting, Threads) : null),
    ];
}
