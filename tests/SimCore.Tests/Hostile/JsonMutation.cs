using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace SimHarness.Tests.Hostile;

/// <summary>One random corruption of a valid JSON input: where (a node picked by index) and what is done there.</summary>
/// <param name="Kind">What is done.</param>
/// <param name="Pick">Which node (modulo the node count), or where the text is cut.</param>
/// <param name="Value">The value written, for kinds that write one.</param>
internal sealed record JsonMutation(JsonMutation.What Kind, int Pick, JsonNode? Value)
{
    /// <summary>The kinds of corruption.</summary>
    internal enum What
    {
        /// <summary>Replace the node with <see cref="Value"/> (wrong types, huge and negative numbers, control characters).</summary>
        Replace,

        /// <summary>Remove the node from its object or array.</summary>
        Remove,

        /// <summary>Add an unknown field holding <see cref="Value"/> to an object.</summary>
        Extra,

        /// <summary>Cut the file's text short.</summary>
        Truncate,

        /// <summary>Wrap the node in 100 nested arrays.</summary>
        Nest,
    }

    private const string NestMarker = "__nest_here__";

    private static readonly string[] s_values =
    [
        "0", "-1", "1e20", "-1e20", "1e400", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "2147483648", "0.5", "true", "false", "null", "\"\"", "\"yes\"", "\"\\u001b]0;pwned\\u0007\\u001b[2J\"",
        "\"../../etc/passwd\"", "\"/dev/zero\"", "\"T-1\"", "\"V99999999999\"", "[]", "{}", "[1, \"x\", null]", "{\"a\": {\"b\": []}}",
    ];

    /// <summary>Every kind, each value, any position.</summary>
    public static Arbitrary<JsonMutation> Arbitrary { get; } =
        (from kind in Gen.Elements(Enum.GetValues<What>())
         from pick in Gen.Choose(0, int.MaxValue - 1)
         from value in Gen.Elements(s_values)
         select new JsonMutation(kind, pick, JsonNode.Parse(value))).ToArbitrary();

    /// <summary>The corrupted text of <paramref name="json"/>.</summary>
    public string Apply(string json)
    {
        if (Kind == What.Truncate)
        {
            return json[..(Pick % json.Length)];
        }

        var root = JsonNode.Parse(json)!;
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[Pick % nodes.Count];
        switch (Kind)
        {
            case What.Extra when target is JsonObject o:
                o["unknownField"] = Value?.DeepClone();
                break;
            case What.Remove when target.Parent is not null:
                Detach(target);
                break;
            case What.Nest:
                // Built as text: the serializer itself refuses to write 100 levels.
                var inner = target.ToJsonString();
                var nested = new string('[', 100) + inner + new string(']', 100);
                if (target.Parent is null)
                {
                    return nested;
                }

                ReplaceWith(target, NestMarker);
                return root.ToJsonString().Replace($"\"{NestMarker}\"", nested, StringComparison.Ordinal);
            default:
                if (target.Parent is null)
                {
                    return Value?.ToJsonString() ?? "null";
                }

                ReplaceWith(target, Value?.DeepClone());
                break;
        }

        return root.ToJsonString();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} at {Pick} with {Value?.ToJsonString() ?? "null"}";

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(kv => kv.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var c in children)
        {
            if (c is not null)
            {
                Collect(c, into);
            }
        }
    }

    private static void Detach(JsonNode node)
    {
        switch (node.Parent)
        {
            case JsonObject o:
                o.Remove(node.GetPropertyName());
                break;
            case JsonArray a:
                a.RemoveAt(node.GetElementIndex());
                break;
        }
    }

    private static void ReplaceWith(JsonNode node, JsonNode? value)
    {
        switch (node.Parent)
        {
            case JsonObject o:
                o[node.GetPropertyName()] = value;
                break;
            case JsonArray a:
                a[node.GetElementIndex()] = value;
                break;
        }
    }
}
