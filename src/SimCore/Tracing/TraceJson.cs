using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SimHarness.Tracing;

/// <summary>Reads and writes trace files; every malformed trace is refused with one clear line.</summary>
public static partial class TraceJson
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
            ["output"] = new JsonArray(trace.Output.Select(l => (JsonNode?)OutputToJson(l)).ToArray()),
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

    /// <summary>One output line: <c>t</c>, <c>thread</c>, <c>text</c>, and <c>"stream": "stderr"</c> for a stderr line (absent for stdout).</summary>
    public static JsonObject OutputToJson(OutputLine l)
    {
        var o = new JsonObject
        {
            ["t"] = l.Seconds,
            ["thread"] = l.Thread,
            ["text"] = l.Text,
        };
        if (l.IsStderr)
        {
            o["stream"] = "stderr";
        }

        return o;
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
}
