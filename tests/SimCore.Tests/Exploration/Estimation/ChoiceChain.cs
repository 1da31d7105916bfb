using SimHarness.Simulation;

namespace SimHarness.Tests.Exploration.Estimation;

/// <summary>Data choices only, one after another on the main thread: every run meets the same choices, so the tree has their product of leaves.</summary>
public sealed class ChoiceChain : Scenario
{
    /// <summary>The choices' numbers of values, comma-separated.</summary>
    [Param("the choices' numbers of values, comma-separated")]
    public string Counts { get; set; } = "3,2,4";

    /// <inheritdoc />
    public override string Description => "test scenario: a chain of data choices and a print after each";

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        var world = (World)sim;
        foreach (var count in Counts.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var value = world.Choose(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), "test choice");
            await sim.PrintAsync($"chose {value} of {count}");
        }
    }
}
