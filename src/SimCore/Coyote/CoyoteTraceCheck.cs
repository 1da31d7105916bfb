using System.Text;
using System.Text.Json;
using Microsoft.Coyote;
using System.Text.Json.Nodes;
using Microsoft.Coyote.SystematicTesting;
using SimHarness.Input;

namespace SimHarness.Coyote;

/// <summary>
/// Checks a Coyote <c>.trace</c> before Coyote replays it: Coyote 1.7.11 accepts a trace with no steps
/// or from another Coyote version and then "replays" whatever schedule it likes.
/// </summary>
internal static class CoyoteTraceCheck
{
    /// <summary>The <c>CoyoteVersion</c> a trace must carry: the version of the Coyote this harness runs.</summary>
    public static string Version { get; } = typeof(TestingEngine).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>Coyote's configuration replaying <paramref name="text"/>; a field Coyote cannot read is one line naming it.</summary>
    public static Configuration Configure(Configuration configuration, string text, string path)
    {
        try
        {
            return configuration.WithReproducibleTrace(text);
        }
        catch (JsonException ex)
        {
            // Coyote's own message names .NET types ("could not be converted to System.UInt32"): name the field instead.
            var field = ex.Path is { Length: > 0 } p ? p.TrimStart('$').TrimStart('.') : "(root)";
            throw new UsageException($"Coyote trace {path}: field '{field}' does not hold what Coyote {Version} expects there", ex);
        }
#pragma warning disable CA1031 // Whatever else Coyote throws on reading a trace it cannot use is the same one line.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new UsageException($"Coyote trace {path} is not one Coyote {Version} can read: {ex.Message.Split('\n')[0].Trim()}", ex);
        }
    }

    /// <summary>The trace's text, once it is a JSON object of this Coyote version with at least one step.</summary>
    public static string Read(string path)
    {
        var bytes = InputFile.ReadBytes(path, "Coyote trace", $"Coyote trace not found: {path}");
        var root = InputFile.ParseJson(bytes, path, "Coyote trace");
        var j = new JsonFields($"Coyote trace {path}");
        var o = j.Object(root, "(root)");
        var version = j.String(o["CoyoteVersion"], "CoyoteVersion");
        if (version != Version)
        {
            throw j.Bad("CoyoteVersion", $"{Version} (the Coyote this harness runs)", o["CoyoteVersion"]);
        }

        var steps = j.Array(o["Steps"], "Steps");
        if (steps.Count == 0)
        {
            throw j.Bad("Steps", "is empty: a trace has at least one step");
        }

        for (var i = 0; i < steps.Count; i++)
        {
            j.String(steps[i], $"Steps[{i}]");
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
