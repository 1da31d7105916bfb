using SimHarness.Catalog;
using SimHarness.Exploration;

namespace SimHarness.Tracing;

/// <summary>Builds and writes traces of built-in runs.</summary>
internal static class TraceFactory
{
    public static Trace FromRun(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, string strategy, int seed, RunResult run) => new()
    {
        Scenario = scenario.Name,
        Assembly = scenario.AssemblyName,
        Params = values.ToDictionary(kv => kv.Key, kv => ParamInfo.Format(kv.Value)),
        Engine = "builtin",
        Strategy = strategy,
        Seed = seed,
        Decisions = run.Decisions.Select(DecisionCodec.Encode).ToArray(),
        Violation = run.Record.Violations.Count > 0 ? run.Record.Violations[0] : null,
        Output = run.Record.Output,
        Events = run.Record.Events,
    };

    /// <summary>Writes the trace under <paramref name="directory"/> with a name fixed by its content, and returns the path.</summary>
    public static string Write(string directory, string kind, Trace trace, IEnumerable<Decision> decisions)
    {
        var path = Path.Combine(directory, $"{trace.Scenario}-{trace.Strategy}-{kind}-{DecisionCodec.Hash(decisions)}.json");
        TraceJson.Save(trace, path);
        return path;
    }
}
