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

        if (options.WorkersProblem() is { } workersProblem)
        {
            throw new UsageException(workersProblem);
        }

        if (options.Strategy != "exhaustive" && (options.Workers > 1 || options.Shard is not null))
        {
            // Random and PCT draw one seeded stream of runs, Coyote has its own engine: neither splits.
            throw new UsageException($"--workers and --shard split the exhaustive search only, not --strategy {options.Strategy}");
        }

        if (options.BoundProblem() is { } problem)
        {
            throw new UsageException(problem);
        }

        return options.Strategy.StartsWith("coyote", StringComparison.Ordinal)
            ? Coyote.CoyoteExplorer.Explore(scenario, values, options)
            : BuiltInExplorer.Explore(scenario, values, options);
    }

    /// <summary>
    /// Knuth's estimate of the number of schedules of the scenario's unreduced schedule tree (what the
    /// exhaustive search without reduction runs), from <see cref="ExplorationOptions.EstimateProbes"/>
    /// seeded random probes (<see cref="ExplorationOptions.Seed"/>) or as many as fit in
    /// <see cref="ExplorationOptions.EstimateBudget"/>; null when cancelled before the first probe ended.
    /// </summary>
    public static Estimation.SizeEstimate? Estimate(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, ExplorationOptions options)
    {
        if (options.EstimateProbes < 1)
        {
            throw new UsageException($"the estimate needs at least one probe, got {options.EstimateProbes}");
        }

        return Estimation.SizeEstimator.Run(scenario, values, options.MaxSteps, options.Seed, options.EstimateProbes, options.EstimateBudget, options.Cancellation);
    }
}
