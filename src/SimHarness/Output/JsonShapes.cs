using System.Text.Json.Nodes;
using SimHarness.Exploration;
using SimHarness.Tracing;

namespace SimHarness.Cli.Output;

/// <summary>Builds the JSON objects of the command-line contract.</summary>
internal static class JsonShapes
{
    /// <summary>Serialises with the harness's options (indented, camelCase, non-ASCII readable).</summary>
    public static string Text(JsonNode node) => node.ToJsonString(TraceJson.Options);

    /// <summary>Parameter values with their natural JSON types.</summary>
    public static JsonObject Params(IReadOnlyDictionary<string, object> values) =>
        new(values.Select(kv => KeyValuePair.Create(kv.Key, Value(kv.Value))));

    /// <summary>A scalar value with its natural JSON type.</summary>
    public static JsonNode? Value(object? v) => v switch
    {
        null => null,
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        decimal d => JsonValue.Create(d),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        _ => JsonValue.Create(Catalog.ParamInfo.Format(v)),
    };

    /// <summary><c>[{"t","thread","text"}]</c>.</summary>
    public static JsonArray Output(IEnumerable<OutputLine> lines) =>
        new(lines.Select(l => (JsonNode?)TraceJson.OutputToJson(l)).ToArray());

    /// <summary><c>[{"invariant","message"}]</c>.</summary>
    public static JsonArray Violations(IEnumerable<Violation> violations) =>
        new(violations.Select(v => (JsonNode?)new JsonObject
        {
            ["invariant"] = v.Invariant,
            ["message"] = v.Message,
        }).ToArray());

    /// <summary>The <c>run --json</c> object.</summary>
    public static JsonObject Run(string scenario, IReadOnlyDictionary<string, object> values, RunRecord record) => new()
    {
        ["scenario"] = scenario,
        ["params"] = Params(values),
        ["output"] = Output(record.Output),
        ["violations"] = Violations(record.Violations),
    };

    /// <summary>One element of the <c>explore --json</c> array.</summary>
    /// <param name="r">The report.</param>
    /// <param name="scenarioAssembly">The assembly of the scenario explored: which copies ran it (<c>code</c>).</param>
    public static JsonObject Report(ExplorationReport r, System.Reflection.Assembly scenarioAssembly)
    {
        var o = new JsonObject
        {
            ["scenario"] = r.Scenario,
            ["params"] = Params(r.Params),
            ["strategy"] = r.Strategy,
            // Which copies ran the search: as compiled (built-in strategies) or rewritten for Coyote.
            ["code"] = Catalog.AssemblyCopies.Describe(scenarioAssembly),
            ["schedules"] = r.Schedules,
            ["states"] = r.States,
            ["transitions"] = r.Transitions,
            ["stateCaching"] = r.StateCaching,
            ["complete"] = r.Complete,
        };
        if (r.UnboundedComplete is { } whole)
        {
            // Only a preemption-bounded search states its bound.
            o["preemptionBound"] = r.PreemptionBound;
            o["unboundedComplete"] = whole;
        }

        o["distinctOutputs"] = r.DistinctOutputs;
        o["outcomes"] = new JsonArray(r.Outcomes.Select(x => (JsonNode?)new JsonObject
        {
            ["output"] = new JsonArray(x.Output.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            ["count"] = x.Count,
            ["trace"] = TracePath(x.Trace),
        }).ToArray());
        if (r.OutcomesTruncated)
        {
            o["outcomesTruncated"] = true;
        }

        o["violations"] = new JsonArray(r.Violations.Select(v => (JsonNode?)new JsonObject
        {
            ["invariant"] = v.Invariant,
            ["message"] = v.Message,
            ["trace"] = TracePath(v.Trace),
            ["count"] = v.Count,
        }).ToArray());
        o["asExpected"] = ExploreSummary.AsExpected(r);
        o["elapsedMs"] = r.ElapsedMs;
        if (r.Estimate is { } e)
        {
            // Knuth's estimate of the unreduced tree, made before the search (EstimateView, README "Size estimate").
            o["estimatedSchedules"] = Math.Round(e.Schedules);
            o["estimatedSchedulesLow"] = Math.Round(e.Low);
            o["estimatedSchedulesHigh"] = Math.Round(e.High);
            o["estimateIsUpperBound"] = r.EstimateIsUpperBound;
            o["estimateProbes"] = e.Probes;
            o["estimateMsPerRun"] = Math.Round(e.MillisecondsPerRun, 4);
            o["estimateMs"] = e.ElapsedMs;
        }
        if (r.SearchedShare is { } searched)
        {
            // The search's own progress: the share of its tree behind it, and the runs it projects for the whole (README "How far a search has come").
            o["searchedShare"] = Math.Round(searched, 6);
            if (r.ProjectedSchedules is { } projected)
            {
                o["projectedSchedules"] = Math.Round(projected);
            }
        }

        if (r.Shard is { } shard)
        {
            // Only a shard's report carries what `merge` needs to rebuild the whole one.
            o["shard"] = shard.ToString();
            o["expectedViolation"] = r.ExpectedViolation;
            o["outputDigests"] = new JsonArray((r.OutputDigests ?? []).Select(d => (JsonNode?)JsonValue.Create(d)).ToArray());
        }

        return o;
    }

    // Forward slashes so that reports are the same on every OS.
    private static string? TracePath(string? path) => path?.Replace('\\', '/');
}
