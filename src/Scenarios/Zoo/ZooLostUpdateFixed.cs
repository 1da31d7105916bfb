namespace SimHarness.Scenarios.Zoo;

// Inside the namespace, so Lock is the harness's and not System.Threading's.
using SimHarness.Threading;

/// <summary>Threads increment a shared counter (<see cref="SharedValue{T}"/>) under a lock; main prints the total.</summary>
/// <remarks>The fixed twin of <see cref="ZooLostUpdate"/>: the read and the write of <c>x = x + 1</c> are one critical section.</remarks>
public class ZooLostUpdateFixed : Scenario
{
    internal const string Total = "counter = ";

    /// <inheritdoc />
    public override string Description => "zoo, fixed: threads do `with lock: counter = counter + 1`; main joins them and prints the counter";

    /// <summary>Incrementing threads.</summary>
    [Param("threads that increment the counter", Min = 1, Max = 10_000)]
    public int Threads { get; set; } = 2;

    /// <summary>Increments per thread.</summary>
    [Param("increments each thread makes", Min = 0, Max = 100_000)]
    public int Increments { get; set; } = 1;

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        var counter = sim.NewValue(0, "counter");
        var guard = sim.NewLock("counter-lock");
        var threads = new List<SimThread>();
        for (var i = 0; i < Threads; i++)
        {
            threads.Add(await sim.CreateThreadAsync(
                async () =>
                {
                    for (var k = 0; k < Increments; k++)
                    {
                        await IncrementAsync(counter, guard);
                    }
                },
                "increment"));
        }

        foreach (var t in threads)
        {
            await t.StartAsync();
        }

        foreach (var t in threads)
        {
            await t.JoinAsync();
        }

        await sim.PrintAsync(Total + await counter.ReadAsync());
    }

    /// <summary>One <c>counter = counter + 1</c>.</summary>
    protected virtual async Task IncrementAsync(SharedValue<int> counter, Lock guard)
    {
        await guard.AcquireAsync();
        await counter.WriteAsync(await counter.ReadAsync() + 1);
        await guard.ReleaseAsync();
    }

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        Invariant.OverOutput("no-lost-update", "the counter ends at threads x increments", output =>
        {
            var expected = $"{Total}{Threads * Increments}";
            var line = output.LastOrDefault(o => o.Text.StartsWith(Total, StringComparison.Ordinal))?.Text;
            return line == expected ? null : $"main printed '{line ?? "nothing"}', expected '{expected}': an increment was lost";
        }),
    ];
}
