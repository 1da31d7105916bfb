namespace SimHarness.Tests.Exploration.Estimation;

/// <summary>Main creates and starts <see cref="Threads"/> threads in turn, each printing <see cref="Steps"/> lines: an unbalanced interleaving tree.</summary>
public sealed class IndependentPrinters : Scenario
{
    /// <summary>Threads started by main.</summary>
    [Param("threads started by main")]
    public int Threads { get; set; } = 2;

    /// <summary>Lines each thread prints.</summary>
    [Param("lines each thread prints")]
    public int Steps { get; set; } = 2;

    /// <inheritdoc />
    public override string Description => "test scenario: threads that each print a few lines";

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        for (var i = 0; i < Threads; i++)
        {
            var name = $"t{i}";
            var t = await sim.CreateThreadAsync(
                async () =>
                {
                    for (var s = 0; s < Steps; s++)
                    {
                        await sim.PrintAsync($"{name}.{s}");
                    }
                },
                name);
            await t.StartAsync();
        }
    }
}
