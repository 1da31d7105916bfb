using SimHarness.Catalog;
using SimHarness.Exploration.Parallel;
using SimHarness.Tracing;

namespace SimHarness.Exploration;

/// <summary>The built-in explorer: exhaustive DPOR with sleep sets (whole, parallel or sharded), seeded random, PCT.</summary>
/// <remarks>Outcomes and violations are listed sorted by text (ordinal), each with the trace of its first run.</remarks>
internal static class BuiltInExplorer
{
    private const long DefaultSamplingIterations = 10_000;

    public static ExplorationReport Explore(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, ExplorationOptions options)
    {
        var exhaustive = options.Strategy == "exhaustive";
        var report = new ExplorationReport
        {
            Scenario = scenario.Name,
            Params = values,
            Strategy = options.Strategy,
            ExpectedViolation = scenario.ExpectedViolation,
            Shard = options.Shard,
        };
        if (exhaustive && options.EstimateProbes > 0 && options.Shard is null)
        {
            options = Estimate(scenario, values, options, report);
        }

        var clock = new WallTimer();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(options.Cancellation);
        if (options.TimeLimit is { } limit)
        {
            // The limit also stops the run under way (the executor checks at every step), not only between runs.
            stop.CancelAfter(limit);
        }

        options = options with { Cancellation = stop.Token };
        var tally = new SearchTally(options.MaxOutcomes);
        var finished = exhaustive
            ? ExhaustiveSearch.Run(scenario, values, options, tally, clock, report)
            : Sample(scenario, values, options, tally, clock);
        options.Progress?.Report(new ExplorationProgress(tally.Schedules, tally.DistinctOutputs, tally.ViolatingRuns, options.Iterations) { Searched = report.SearchedShare });
        tally.Fill(report, (run, kind) => WriteTrace(scenario, values, options, run, kind), digests: options.Shard is not null);
        report.Complete = exhaustive && finished;
        report.ElapsedMs = clock.ElapsedMilliseconds;
        return report;
    }

    /// <summary>Probes the unreduced tree before the search; the progress reports carry the estimate from then on.</summary>
    private static ExplorationOptions Estimate(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, ExplorationOptions options, ExplorationReport report)
    {
        var budget = options.TimeLimit is { } limit && limit / 10 < options.EstimateBudget ? limit / 10 : options.EstimateBudget;
        // A hard budget here: a scenario whose one run takes longer gets no estimate rather than a late search.
        using var probing = CancellationTokenSource.CreateLinkedTokenSource(options.Cancellation);
        probing.CancelAfter(budget);
        var estimate = Estimation.SizeEstimator.Run(scenario, values, options.MaxSteps, options.Seed, options.EstimateProbes, budget, probing.Token);
        if (estimate is null)
        {
            return options;
        }

        report.Estimate = estimate;
        report.EstimateIsUpperBound = options.Reduction;
        return options.Progress is { } progress
            ? options with { Progress = new Estimation.EstimatingProgress(progress, estimate, options.Reduction) }
            : options;
    }

    private static bool Sample(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, ExplorationOptions options, SearchTally tally, WallTimer clock)
    {
        var cap = options.Iterations ?? DefaultSamplingIterations;
        var pct = options.Strategy == "pct" ? new PctStrategy(options.Seed, options.PctDepth) : null;
        IScheduleStrategy strategy = (IScheduleStrategy?)pct ?? new RandomStrategy(options.Seed);
        while (tally.Schedules < cap && !options.Cancellation.IsCancellationRequested &&
               !(options.TimeLimit is { } limit && clock.Elapsed >= limit))
        {
            pct?.StartRun();
            var run = BuiltInExecutor.Run(scenario.Create(values), strategy, options.MaxSteps, options.Cancellation);
            if (run.Pruned)
            {
                break;
            }

            var total = tally.CountSchedule();
            if (tally.Add(run, total) && options.StopOnFirst)
            {
                break;
            }

            if (total % 256 == 0)
            {
                options.Progress?.Report(new ExplorationProgress(total, tally.DistinctOutputs, tally.ViolatingRuns, options.Iterations));
            }
        }

        return false;
    }

    private static string? WriteTrace(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, ExplorationOptions options, RunResult run, string kind)
    {
        // A run that broke nothing is worth a file only when asked for: a search finds hundreds.
        if (options.TracesDirectory is null || (kind == "outcome" && !options.OutcomeTraces))
        {
            return null;
        }

        var trace = TraceFactory.FromRun(scenario, values, options.Strategy, options.Seed, run);
        return TraceFactory.Write(options.TracesDirectory, kind, trace, run.Decisions);
    }
}
