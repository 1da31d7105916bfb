using System.Text.Json.Nodes;
using SimHarness.Input;

namespace SimHarness.Tracing;

/// <summary>Reading: every field is checked for its type and range; anything else is one line naming the file and the field.</summary>
public static partial class TraceJson
{
    private static readonly HashSet<string> s_engines = new(StringComparer.Ordinal) { "builtin", "coyote" };

    /// <summary>Reads a trace, refusing a missing, oversized, truncated, non-JSON, foreign, stale or ill-typed file with one line.</summary>
    /// <remarks>Fields the format does not know are ignored (newer harnesses add optional ones, such as <c>assembly</c>).</remarks>
    public static Trace Load(string path)
    {
        var o = InputFile.ReadFormatted(path, "trace", $"trace not found: {path}", Trace.FormatName);

        var j = new JsonFields($"trace {path}");
        var version = j.String(o["harnessVersion"], "harnessVersion");
        if (version != HarnessInfo.Version)
        {
            throw new UsageException($"trace {path} was recorded by harness version {version}; this is version {HarnessInfo.Version}: record it again");
        }

        var engine = j.String(o["engine"], "engine");
        if (!s_engines.Contains(engine))
        {
            throw j.Bad("engine", "builtin or coyote", o["engine"]);
        }

        var assembly = j.OptionalString(o["assembly"], "assembly");
        var decisions = j.Array(o["decisions"], "decisions").Select((d, i) => Decision(j, d, $"decisions[{i}]")).ToArray();
        return new Trace
        {
            HarnessVersion = version,
            Scenario = j.String(o["scenario"], "scenario"),
            Assembly = assembly,
            Params = j.Object(o["params"], "params").ToDictionary(kv => kv.Key, kv => j.Scalar(kv.Value, $"params.{kv.Key}"), StringComparer.Ordinal),
            Engine = engine,
            Strategy = j.String(o["strategy"], "strategy"),
            Seed = o["seed"] is null ? 0 : (int)j.Integer(o["seed"], "seed", int.MinValue, int.MaxValue),
            Decisions = decisions,
            Violation = o["violation"] is null ? null : ViolationFrom(j, j.Object(o["violation"], "violation")),
            Output = j.Array(o["output"], "output").Select((l, i) => Line(j, l, $"output[{i}]")).ToArray(),
            Events = j.Array(o["events"], "events").Select((e, i) => EventFromJson(j, e, $"events[{i}]")).ToArray(),
            CoyoteTrace = CoyoteTraceBeside(j, o["coyoteTrace"], path),
        };
    }

    private static string Decision(JsonFields j, JsonNode? node, string field)
    {
        var text = j.String(node, field);
        return text.Length >= 2 && text[0] is 'T' or 'V' && text.Skip(1).All(char.IsAsciiDigit) && int.TryParse(text.AsSpan(1), out _)
            ? text
            : throw j.Bad(field, "T<thread> or V<value> (a 32-bit number)", node);
    }

    private static Violation ViolationFrom(JsonFields j, JsonObject v) =>
        new(j.String(v["invariant"], "violation.invariant"), j.String(v["message"], "violation.message"));

    private static OutputLine Line(JsonFields j, JsonNode? node, string field)
    {
        var l = j.Object(node, field);
        return new OutputLine(j.Micros(l["t"], field + ".t"), j.String(l["thread"], field + ".thread"), j.String(l["text"], field + ".text"));
    }

    private static TraceEvent EventFromJson(JsonFields j, JsonNode? node, string field)
    {
        var e = j.Object(node, field);
        if (e["i"] is not null)
        {
            j.Integer(e["i"], field + ".i", 0, int.MaxValue);
        }

        return new TraceEvent(
            j.Micros(e["t"], field + ".t"),
            j.String(e["thread"], field + ".thread"),
            j.String(e["op"], field + ".op"),
            j.OptionalString(e["object"], field + ".object"),
            j.OptionalString(e["result"], field + ".result"),
            j.OptionalString(e["text"], field + ".text"))
        {
            Greenlet = j.OptionalString(e["greenlet"], field + ".greenlet"),
        };
    }

    /// <summary>
    /// The Coyote trace's full path. It is confined to the trace's own directory: the field must be a
    /// bare file name ending in <c>.trace</c> (no directory part, not <c>.</c> or <c>..</c>), and a
    /// symbolic link there must lead to a file in that same directory.
    /// </summary>
    private static string? CoyoteTraceBeside(JsonFields j, JsonNode? node, string path)
    {
        var name = j.OptionalString(node, "coyoteTrace");
        if (name is null)
        {
            return null;
        }

        if (name.Length == 0 || name != Path.GetFileName(name) || name.Contains('\\', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal)
            || !name.EndsWith(".trace", StringComparison.Ordinal) || name.StartsWith('.'))
        {
            throw j.Bad("coyoteTrace", "the name of a .trace file beside the trace (no directory part)", node);
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var full = Path.Combine(dir, name);
        if (File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target
            && Path.GetDirectoryName(Path.GetFullPath(target.FullName)) != dir)
        {
            throw j.Bad("coyoteTrace", "names a link that leads out of the trace's directory");
        }

        return full;
    }
}
