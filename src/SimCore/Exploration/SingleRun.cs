using SimHarness.Catalog;
using SimHarness.Tracing;

namespace SimHarness.Exploration;

/// <summary>One simulated run for <c>run</c>: the canonical schedule, or a seeded random one.</summary>
public static class SingleRun
{
    /// <summary>Runs once on the built-in scheduler and returns the run with its trace.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="values">Resolved parameters.</param>
    /// <param name="seed">Null for the canonical schedule (longest-waiting thread first); else a seeded random schedule.</param>
    public static (RunRecord Record, Trace Trace) Run(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, int? seed)
    {
        IScheduleStrategy strategy = seed is { } s ? new RandomStrategy(s) : new CanonicalStrategy();
        var run = BuiltInExecutor.Run(scenario.Create(values), strategy);
        var trace = TraceFactory.FromRun(scenario, values, seed is null ? "canonical" : "random", seed ?? 0, run);
        return (run.Record, trace);
    }
}
