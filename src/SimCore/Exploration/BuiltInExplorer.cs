using SimHarness.Catalog;
using SimHarness.Exploration.Dpor;
using SimHarness.Tracing;

namespace SimHarness.Exploration;

/// <summary>The built-in explorer: exhaustive DPOR with sleep sets, seeded random, PCT.</summary>
internal static class BuiltInExplorer
{
    private const long DefaultSamplingIterations = 10_000;

    public static ExplorationReport Explore(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, ExplorationOptions options)
    {
        var report = new ExplorationReport
        {
            Scenario = scenario.Name,
            Params = values,
            Strategy = options.Strategy,
            ExpectedViolation = scenario.ExpectedViolation,
        };
        var clock = new WallTimer();
        var exhaustive = options.Strategy == "exhaustive";
        var cap = options.Iterations ?? (exhaustive ? long.MaxValue : DefaultSamplingIterations);
        var collector = new OutcomeCollector(report, options);
        var dpor = exhaustive ? new DporStrategy(options.Reduction) : null;
        var pct = options.Strategy == "pct" ? new PctStrategy(options.Seed, options.PctDepth) : null;
        IScheduleStrategy strategy = dpor ?? (IScheduleStrategy?)pct ?? new RandomStrategy(options.Seed);
        dpor?.Start();
        var finished = false;
        while (true)
        {
            if (report.Schedules >= cap || options.Cancellation.IsCancellationRequested ||
                (options.TimeLimit is { } limit && clock.Elapsed >= limit))
            {
                break;
            }

            pct?.StartRun();
            var run = BuiltInExecutor.Run(scenario.Create(values), strategy, options.MaxSteps);
            report.Schedules++;
            if (!run.Pruned)
            {
                var violated = collector.Add(run.Record, kind => WriteTrace(scenario, values, options, run, kind));
                if (violated && options.StopOnFirst)
                {
                    break;
                }
            }

            if (report.Schedules % 256 == 0)
            {
                options.Progress?.Report(new ExplorationProgress(report.Schedules, report.DistinctOutputs, collector.ViolatingRuns, options.Iterations));
            }

            if (dpor is not null && !dpor.NextRun())
            {
                finished = true;
                break;
            }
        }

        options.Progress?.Report(new ExplorationProgress(report.Schedules, report.DistinctOutputs, collector.ViolatingRuns, options.Iterations));
        report.Complete = exhaustive && finished;
        report.ElapsedMs = clock.ElapsedMilliseconds;
        return report;
    }

    private static string? WriteTrace(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, ExplorationOptions options, RunResult run, string kind)
    {
        if (options.TracesDirectory is null)
        {
            return null;
        }

        var trace = TraceFactory.FromRun(scenario.Name, values, options.Strategy, options.Seed, run);
        return TraceFactory.Write(options.TracesDirectory, kind, trace, run.Decisions);
    }
}
