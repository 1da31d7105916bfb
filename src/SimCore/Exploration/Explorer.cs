using SimHarness.Catalog;

namespace SimHarness.Exploration;

/// <summary>Entry point of exploration: picks the built-in explorer or Coyote's engine by strategy name.</summary>
public static class Explorer
{
    /// <summary>Explores one scenario at the given (resolved) parameters.</summary>
    public static ExplorationReport Explore(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, ExplorationOptions options)
    {
        if (!ExplorationOptions.KnownStrategies.Contains(options.Strategy))
        {
            throw new UsageException($"unknown strategy '{options.Strategy}' (known: {string.Join(", ", ExplorationOptions.KnownStrategies)})");
        }

        return options.Strategy.StartsWith("coyote", StringComparison.Ordinal)
            ? Coyote.CoyoteExplorer.Explore(scenario, values, options)
            : BuiltInExplorer.Explore(scenario, values, options);
    }
}
