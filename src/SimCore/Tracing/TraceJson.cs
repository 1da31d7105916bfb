using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SimHarness.Tracing;

/// <summary>Reads and writes trace files; every malformed trace is refused with one clear line.</summary>
public static class TraceJson
{
    /// <summary>UTF-8 JSON options of every file the harness writes: camelCase, indented, non-ASCII left readable.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes a trace to <paramref name="path"/>.</summary>
    public static void Save(Trace trace, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, ToJson(trace) + "\n");
    }

    /// <summary>The trace as JSON text.</summary>
    public static string ToJson(Trace trace)
    {
        var o = new JsonObject
        {
            ["format"] = trace.Format,
            ["harnessVersion"] = trace.HarnessVersion,
            ["scenario"] = trace.Scenario,
            ["assembly"] = trace.Assembly,
            ["params"] = new JsonObject(trace.Params.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value)))),
            ["engine"] = trace.Engine,
            ["strategy"] = trace.Strategy,
            ["seed"] = trace.Seed,
            ["decisions"] = new JsonArray(trace.Decisions.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
            ["violation"] = trace.Violation is null ? null : new JsonObject { ["invariant"] = trace.Violation.Invariant, ["message"] = trace.Violation.Message },
            ["output"] = new JsonArray(trace.Output.Select(l => (JsonNode?)new JsonObject
            {
                ["t"] = l.Seconds,
                ["thread"] = l.Thread,
                ["text"] = l.Text,
            }).ToArray()),
            ["events"] = new JsonArray(trace.Events.Select((e, i) => (JsonNode?)EventToJson(i, e)).ToArray()),
        };
        if (trace.Assembly is null)
        {
            o.Remove("assembly");
        }

        if (trace.CoyoteTrace is not null)
        {
            // Always beside the trace: the file records the name only, so a trace moves with it.
            o["coyoteTrace"] = Path.GetFileName(trace.CoyoteTrace);
        }

        return o.ToJsonString(Options);
    }

    /// <summary>Reads a trace, refusing a missing, truncated, non-JSON, foreign or stale file with one line.</summary>
    public static Trace Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"trace not found: {path}");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new UsageException($"trace {path} is not valid JSON (truncated or corrupt): {FirstLine(ex.Message)}", ex);
        }

        if (root is not JsonObject o || (string?)o["format"] != Trace.FormatName)
        {
            throw new UsageException($"trace {path} is not a SimHarness trace (no \"format\": \"{Trace.FormatName}\")");
        }

        try
        {
            var version = Required<string>(o, "harnessVersion");
            if (version != HarnessInfo.Version)
            {
                throw new UsageException($"trace {path} was recorded by harness version {version}; this is version {HarnessInfo.Version}: record it again");
            }

            return new Trace
            {
                HarnessVersion = version,
                Scenario = Required<string>(o, "scenario"),
                Assembly = (string?)o["assembly"],
                Params = (o["params"] as JsonObject ?? throw Missing("params"))
                    .ToDictionary(kv => kv.Key, kv => ScalarText(kv.Value, kv.Key)),
                Engine = Required<string>(o, "engine"),
                Strategy = Required<string>(o, "strategy"),
                Seed = o["seed"] is null ? 0 : (int)o["seed"]!,
                Decisions = (o["decisions"] as JsonArray ?? throw Missing("decisions")).Select(d => (string?)d ?? throw Missing("decisions[]")).ToArray(),
                Violation = o["violation"] is JsonObject v ? new Violation(Required<string>(v, "invariant"), Required<string>(v, "message")) : null,
                Output = (o["output"] as JsonArray ?? throw Missing("output")).Select(l => new OutputLine(
                    ToMicros(l!["t"]), Required<string>(l!, "thread"), Required<string>(l!, "text"))).ToArray(),
                Events = (o["events"] as JsonArray ?? throw Missing("events")).Select(e => EventFromJson(e!)).ToArray(),
                CoyoteTrace = (string?)o["coyoteTrace"] is { } coyote ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, coyote) : null,
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException or NullReferenceException or MissingFieldException)
        {
            throw new UsageException($"trace {path} is malformed: {FirstLine(ex.Message)}", ex);
        }
    }

    /// <summary>One event as the trace format writes it; <paramref name="index"/> null leaves out <c>i</c> (the replay diff numbers its rows itself).</summary>
    public static JsonObject EventToJson(int? index, TraceEvent e)
    {
        var o = new JsonObject();
        if (index is { } i)
        {
            o["i"] = i;
        }

        o["t"] = e.TimeMicros / 1_000_000m;
        o["thread"] = e.Thread;
        if (e.Greenlet is not null)
        {
            o["greenlet"] = e.Greenlet;
        }

        o["op"] = e.Op;
        if (e.Target is not null)
        {
            o["object"] = e.Target;
        }

        if (e.Result is not null)
        {
            o["result"] = e.Result;
        }

        if (e.Text is not null)
        {
            o["text"] = e.Text;
        }

        return o;
    }

    private static TraceEvent EventFromJson(JsonNode e) =>
        new(ToMicros(e["t"]), Required<string>(e, "thread"), Required<string>(e, "op"), (string?)e["object"], (string?)e["result"], (string?)e["text"])
        {
            Greenlet = (string?)e["greenlet"],
        };

    private static long ToMicros(JsonNode? t) =>
        t is null ? throw Missing("t") : (long)decimal.Round(t.GetValue<decimal>() * 1_000_000m);

    private static T Required<T>(JsonNode node, string name) =>
        node[name] is { } v ? v.GetValue<T>() : throw Missing(name);

    private static string ScalarText(JsonNode? v, string name) => v switch
    {
        null => throw Missing(name),
        JsonValue jv when jv.TryGetValue<string>(out var s) => s,
        JsonValue jv when jv.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue jv when jv.TryGetValue<decimal>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        _ => throw new FormatException($"parameter '{name}' is not a scalar"),
    };

    private static MissingFieldException Missing(string name) => new($"missing field '{name}'");

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
