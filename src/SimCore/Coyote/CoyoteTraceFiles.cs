using System.Globalization;
using SimHarness.Catalog;
using SimHarness.Tracing;

namespace SimHarness.Coyote;

/// <summary>Writes a Coyote-found run: the harness's JSON trace and Coyote's reproducible <c>.trace</c> beside it.</summary>
internal static class CoyoteTraceFiles
{
    /// <summary>The <see cref="Trace.Engine"/> of Coyote-found runs.</summary>
    public const string Engine = "coyote";

    /// <summary>Builds the harness trace of a Coyote run (no decision list: Coyote's own trace replays it).</summary>
    public static Trace ToTrace(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, string strategy, int seed, RunRecord record, string? coyoteTraceName) => new()
    {
        Scenario = scenario.Name,
        Assembly = scenario.AssemblyName,
        Params = values.ToDictionary(kv => kv.Key, kv => ParamInfo.Format(kv.Value)),
        Engine = Engine,
        Strategy = strategy,
        Seed = seed,
        Decisions = [],
        Violation = record.Violations.Count > 0 ? record.Violations[0] : null,
        Output = record.Output,
        Events = record.Events,
        CoyoteTrace = coyoteTraceName,
    };

    /// <summary>
    /// Writes both files under <paramref name="directory"/>, named after the scenario, the strategy
    /// and a hash of the run's event log (no GUIDs: the same run always gets the same name), and
    /// returns the JSON trace's path. Without Coyote's trace text only the JSON is written.
    /// </summary>
    public static string Write(string directory, ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, string strategy, int seed, RunRecord record, string? coyoteTrace)
    {
        var stem = $"{scenario.Name}-{strategy}-violation-{Hash(record)}";
        string? coyoteName = null;
        Directory.CreateDirectory(directory);
        if (!string.IsNullOrEmpty(coyoteTrace))
        {
            coyoteName = stem + ".trace";
            File.WriteAllText(Path.Combine(directory, coyoteName), coyoteTrace);
        }

        var path = Path.Combine(directory, stem + ".json");
        TraceJson.Save(ToTrace(scenario, values, strategy, seed, record, coyoteName), path);
        return path;
    }

    /// <summary>A short stable hash (FNV-1a) of the run's event log.</summary>
    private static string Hash(RunRecord record)
    {
        var h = 14695981039346656037UL;
        foreach (var e in record.Events)
        {
            foreach (var c in e.ToString())
            {
                h = (h ^ c) * 1099511628211UL;
            }

            h = (h ^ '\n') * 1099511628211UL;
        }

        return h.ToString("x16", CultureInfo.InvariantCulture)[..10];
    }
}
