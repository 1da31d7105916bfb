namespace SimHarness.Tests.Monitors;

/// <summary>Main prints "main"; a second thread prints "bad", then "after". The monitor forbids "bad".</summary>
public sealed class BadLineRace : Scenario
{
    public override string Description => "a thread prints a forbidden line, racing main's print";

    public override IEnumerable<Monitor> Monitors => [new ForbiddenLineMonitor("bad")];

    public override async Task RunAsync(ISim sim)
    {
        var t = await sim.CreateThreadAsync(async () =>
        {
            await sim.PrintAsync("bad");
            await sim.PrintAsync("after");
        }, "bad");
        await t.StartAsync();
        await sim.PrintAsync("main");
    }
}

/// <summary>One thread prints "a", "bad", "c": the monitor's verdict does not depend on the schedule or the backend.</summary>
public sealed class BadLineAlone : Scenario
{
    public override string Description => "main prints a forbidden line between two others";

    public override IEnumerable<Monitor> Monitors => [new ForbiddenLineMonitor("bad")];

    public override async Task RunAsync(ISim sim)
    {
        await sim.PrintAsync("a");
        await sim.PrintAsync("bad");
        await sim.PrintAsync("c");
    }
}

/// <summary>Main takes <see cref="Spins"/> steps (sleep(0)), then pays what its monitor is owed; an optional sleep shows a time advance.</summary>
public sealed class OwedAfterSpins : Scenario
{
    public override string Description => "main spins, then prints the owed line (or not)";

    [Param("sleep(0) steps before paying")]
    public int Spins { get; set; } = 3;

    [Param("whether main prints the owed line at all")]
    public bool Pay { get; set; } = true;

    [Param("the monitor's temperature; 0 for none")]
    public int Temperature { get; set; }

    [Param("seconds main sleeps first")]
    public decimal Nap { get; set; }

    public override IEnumerable<Monitor> Monitors => [new OwedLineMonitor("paid", Temperature == 0 ? null : Temperature)];

    public override async Task RunAsync(ISim sim)
    {
        if (Nap > 0)
        {
            await sim.SleepAsync(Nap);
        }

        for (var i = 0; i < Spins; i++)
        {
            await sim.SleepAsync(0);
        }

        if (Pay)
        {
            await sim.PrintAsync("paid");
        }
    }
}
