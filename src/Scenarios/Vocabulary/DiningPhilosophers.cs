namespace SimHarness.Scenarios.Vocabulary;

// Inside the namespace, so Lock is the harness's and not System.Threading's.
using SimHarness.Threading;

/// <summary>Dining philosophers with one <see cref="Lock"/> per fork, each philosopher taking the lower-numbered fork first: no deadlock.</summary>
/// <remarks>Philosopher i needs forks i and i+1 (mod n). Ordered acquisition breaks the circular wait.</remarks>
public class DiningPhilosophers : Scenario
{
    internal const string Starts = "starts eating";
    internal const string Finishes = "finishes eating";

    /// <inheritdoc />
    public override string Description => "threading.Lock: philosophers around a table take their two forks lowest-numbered first, eat, put them back";

    /// <summary>Philosophers (and forks) around the table.</summary>
    [Param("philosophers (and forks) around the table", Min = 2, Max = 10_000)]
    public int Philosophers { get; set; } = 3;

    /// <summary>Meals each philosopher eats.</summary>
    [Param("meals each philosopher eats", Min = 0, Max = 100_000)]
    public int Meals { get; set; } = 1;

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        var forks = Enumerable.Range(0, Philosophers).Select(i => sim.NewLock($"fork{i}")).ToArray();
        var threads = new List<SimThread>();
        for (var i = 0; i < Philosophers; i++)
        {
            var seat = i;
            threads.Add(await sim.CreateThreadAsync(() => DineAsync(sim, forks, seat), "philosopher", name: $"philosopher-{seat}"));
        }

        foreach (var t in threads)
        {
            await t.StartAsync();
        }
    }

    /// <summary>The forks philosopher <paramref name="seat"/> takes, in the order taken.</summary>
    protected virtual (int First, int Second) Forks(int seat)
    {
        var right = (seat + 1) % Philosophers;
        return (Math.Min(seat, right), Math.Max(seat, right));
    }

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        Invariant.OverOutput("neighbours-never-eat-together", "two philosophers who share a fork never eat at the same time", o => TableInvariants.NeighboursApart(o, Philosophers, Starts, Finishes)),
        Invariant.OverOutput("everyone-eats", "every philosopher eats every meal", o => TableInvariants.EveryoneEats(o, Philosophers, Meals, Finishes)),
    ];

    private async Task DineAsync(ISim sim, Lock[] forks, int seat)
    {
        var (first, second) = Forks(seat);
        for (var meal = 0; meal < Meals; meal++)
        {
            await forks[first].AcquireAsync();
            await forks[second].AcquireAsync();
            await sim.PrintAsync($"{sim.CurrentThread.Name} {Starts}");
            await sim.PrintAsync($"{sim.CurrentThread.Name} {Finishes}");
            await forks[second].ReleaseAsync();
            await forks[first].ReleaseAsync();
        }
    }
}
