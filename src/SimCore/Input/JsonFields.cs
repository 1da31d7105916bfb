using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SimHarness.Input;

/// <summary>
/// Typed reads of one input file's JSON fields: each bad field is refused with one line naming the
/// file, the field's path (<c>events[3].t</c>) and what was expected.
/// </summary>
/// <param name="prefix">How messages start: "trace traces/x.json".</param>
/// <remarks>Public so that the CLI (and a user's own tool) reads its inputs the same way without InternalsVisibleTo.</remarks>
#pragma warning disable CA1720 // Integer, String, Object: named after the JSON types they read.
public sealed class JsonFields(string prefix)
{
    /// <summary>The largest number of seconds a time field may hold: its microseconds fit in 64 bits.</summary>
    public const decimal MaxSeconds = long.MaxValue / 1_000_000;

    /// <summary>A refusal naming <paramref name="field"/>, what was expected and what was found.</summary>
    public UsageException Bad(string field, string expected, JsonNode? found) =>
        new($"{prefix}: field '{field}' expected {expected}, got {Describe(found)}");

    /// <summary>A refusal naming <paramref name="field"/> with a free-form reason.</summary>
    public UsageException Bad(string field, string reason) => new($"{prefix}: field '{field}' {reason}");

    /// <summary>The object <paramref name="node"/>, or a refusal.</summary>
    public JsonObject Object(JsonNode? node, string field) => node as JsonObject ?? throw Bad(field, "an object", node);

    /// <summary>The array <paramref name="node"/>, or a refusal.</summary>
    public JsonArray Array(JsonNode? node, string field) => node as JsonArray ?? throw Bad(field, "an array", node);

    /// <summary>The string <paramref name="node"/>, or a refusal.</summary>
    public string String(JsonNode? node, string field) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw Bad(field, "a string", node);

    /// <summary>The string <paramref name="node"/>, null when absent or null, or a refusal.</summary>
    public string? OptionalString(JsonNode? node, string field) => node is null ? null : String(node, field);

    /// <summary>The boolean <paramref name="node"/>, or a refusal.</summary>
    public bool Bool(JsonNode? node, string field) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : throw Bad(field, "true or false", node);

    /// <summary>The integer <paramref name="node"/> within [<paramref name="min"/>, <paramref name="max"/>], or a refusal.</summary>
    public long Integer(JsonNode? node, string field, long min, long max) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var l) && l >= min && l <= max
            ? l
            : throw Bad(field, string.Create(CultureInfo.InvariantCulture, $"an integer in {min}..{max}"), node);

    /// <summary>A time in seconds (0 to <see cref="MaxSeconds"/>) as whole microseconds, or a refusal.</summary>
    public long Micros(JsonNode? node, string field) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var d) && d >= 0 && d <= MaxSeconds
            ? (long)decimal.Round(d * 1_000_000m)
            : throw Bad(field, string.Create(CultureInfo.InvariantCulture, $"a number of seconds in 0..{MaxSeconds}"), node);

    /// <summary>A parameter's value as <c>--param</c> writes it: a string, a bool or a number's JSON text.</summary>
    public string Scalar(JsonNode? node, string field) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => v.ToJsonString(),
            _ => throw Bad(field, "a string, number or bool", node),
        }
        : throw Bad(field, "a string, number or bool", node);

    /// <summary>What a node is, in words (never a .NET type), its text cut short and escaped.</summary>
    public static string Describe(JsonNode? node) => node switch
    {
        null => "nothing (missing or null)",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "the string " + Short(v.ToJsonString()),
            JsonValueKind.Number => "the number " + Short(v.ToJsonString()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => "null",
        },
        _ => "something else",
    };

    private static string Short(string json) => json.Length <= 40 ? json : json[..37] + "...";
}
#pragma warning restore CA1720
