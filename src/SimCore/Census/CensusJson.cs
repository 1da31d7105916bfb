using System.Text.Json.Nodes;
using SimHarness.Input;
using SimHarness.Tracing;

namespace SimHarness.Census;

/// <summary>Reads and writes census files (readable UTF-8 JSON); a malformed one is refused with one line.</summary>
public static class CensusJson
{
    /// <summary>The file name of a scenario's census inside a census directory.</summary>
    public static string FileName(string scenario) => $"{scenario}.census.json";

    /// <summary>Writes <paramref name="census"/> to <paramref name="path"/>.</summary>
    public static void Save(OutcomeCensus census, string path)
    {
        ArgumentNullException.ThrowIfNull(census);
        var o = new JsonObject
        {
            ["format"] = OutcomeCensus.FormatName,
            ["scenario"] = census.Scenario,
            ["params"] = new JsonObject(census.Params.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value)))),
            ["strategy"] = OutcomeCensus.Strategy,
            ["distinctOutputs"] = census.Outcomes.Count,
            ["outcomes"] = new JsonArray(census.Outcomes.Select(t => (JsonNode?)new JsonArray(t.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray())).ToArray()),
            ["violations"] = new JsonArray(census.Violations.Select(v => (JsonNode?)new JsonObject { ["invariant"] = v.Invariant, ["message"] = v.Message }).ToArray()),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, o.ToJsonString(TraceJson.Options) + "\n");
    }

    /// <summary>Reads a census, refusing a missing, oversized, non-JSON, foreign or ill-typed file with one line naming the field.</summary>
    public static OutcomeCensus Load(string path)
    {
        var o = InputFile.ReadFormatted(path, "census", $"census not found: {path} (write it with explore --census {path} --census-update)", OutcomeCensus.FormatName);

        var j = new JsonFields($"census {path}");
        var strategy = j.String(o["strategy"], "strategy");
        if (strategy != OutcomeCensus.Strategy)
        {
            throw new UsageException($"census {path} has strategy '{strategy}'; a census is always exhaustive");
        }

        if (o["distinctOutputs"] is not null)
        {
            j.Integer(o["distinctOutputs"], "distinctOutputs", 0, int.MaxValue);
        }

        return new OutcomeCensus
        {
            Scenario = j.String(o["scenario"], "scenario"),
            Params = new SortedDictionary<string, string>(
                j.Object(o["params"], "params").ToDictionary(kv => kv.Key, kv => j.Scalar(kv.Value, $"params.{kv.Key}")),
                StringComparer.Ordinal),
            Outcomes = j.Array(o["outcomes"], "outcomes")
                .Select((t, i) => (IReadOnlyList<string>)j.Array(t, $"outcomes[{i}]").Select((l, k) => j.String(l, $"outcomes[{i}][{k}]")).ToArray())
                .ToArray(),
            Violations = j.Array(o["violations"], "violations")
                .Select((v, i) => j.Object(v, $"violations[{i}]"))
                .Select((v, i) => new Violation(j.String(v["invariant"], $"violations[{i}].invariant"), j.OptionalString(v["message"], $"violations[{i}].message") ?? ""))
                .ToArray(),
        };
    }
}
