using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>Reads a census, refusing a missing, non-JSON or foreign file with one line.</summary>
    public static OutcomeCensus Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"census not found: {path} (write it with explore --census {path} --census-update)");
        }

        try
        {
            if (JsonNode.Parse(File.ReadAllText(path)) is not JsonObject o || (string?)o["format"] != OutcomeCensus.FormatName)
            {
                throw new UsageException($"census {path} is not a SimHarness census (no \"format\": \"{OutcomeCensus.FormatName}\")");
            }

            if ((string?)o["strategy"] != OutcomeCensus.Strategy)
            {
                throw new UsageException($"census {path} has strategy '{(string?)o["strategy"]}'; a census is always exhaustive");
            }

            return new OutcomeCensus
            {
                Scenario = (string?)o["scenario"] ?? throw new FormatException("missing field 'scenario'"),
                Params = new SortedDictionary<string, string>(
                    (o["params"] as JsonObject ?? throw new FormatException("missing field 'params'")).ToDictionary(kv => kv.Key, kv => Scalar(kv.Value)),
                    StringComparer.Ordinal),
                Outcomes = (o["outcomes"] as JsonArray ?? throw new FormatException("missing field 'outcomes'"))
                    .Select(t => (IReadOnlyList<string>)t!.AsArray().Select(l => (string?)l ?? throw new FormatException("null output line")).ToArray()).ToArray(),
                Violations = (o["violations"] as JsonArray ?? throw new FormatException("missing field 'violations'"))
                    .Select(v => new Violation((string?)v!["invariant"] ?? throw new FormatException("missing field 'invariant'"), (string?)v["message"] ?? "")).ToArray(),
            };
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or NullReferenceException)
        {
            throw new UsageException($"census {path} is malformed: {ex.Message.Split('\n')[0].Trim()}", ex);
        }
    }

    private static string Scalar(JsonNode? v) => v switch
    {
        JsonValue jv when jv.TryGetValue<string>(out var s) => s,
        JsonValue jv when jv.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue jv => jv.ToJsonString(),
        _ => throw new FormatException("a parameter is not a scalar"),
    };
}
