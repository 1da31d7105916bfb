using System.Text.Json.Nodes;
using SimHarness.Input;

namespace SimHarness.Cli.Merging;

/// <summary>
/// The fields of one shard's <c>explore --json</c> report that <c>merge</c> reads, each checked for its
/// type and range before merging; fields it does not read (<c>states</c>, <c>asExpected</c>, ...) are ignored.
/// </summary>
internal static class ShardReportSchema
{
    /// <summary>Refuses <paramref name="report"/> (at <paramref name="at"/> in its file) unless every field merge reads is well-typed.</summary>
    public static void Check(JsonFields j, JsonObject report, string at)
    {
        if (report["explored"] is { } explored && !j.Bool(explored, at + ".explored"))
        {
            throw j.Bad(at + ".explored", "is false: the exploration was interrupted before this scenario; explore it again");
        }

        j.Object(report["params"], at + ".params");
        j.String(report["strategy"], at + ".strategy");
        j.OptionalString(report["code"], at + ".code");
        j.Integer(report["schedules"], at + ".schedules", 0, long.MaxValue);
        j.Bool(report["complete"], at + ".complete");
        j.Integer(report["distinctOutputs"], at + ".distinctOutputs", 0, int.MaxValue);
        j.Integer(report["elapsedMs"], at + ".elapsedMs", 0, long.MaxValue);
        j.OptionalString(report["expectedViolation"], at + ".expectedViolation");
        var digests = j.Array(report["outputDigests"], at + ".outputDigests");
        for (var i = 0; i < digests.Count; i++)
        {
            j.String(digests[i], $"{at}.outputDigests[{i}]");
        }

        Entries(j, report, at, "outcomes", (e, f) =>
        {
            var lines = j.Array(e["output"], f + ".output");
            for (var k = 0; k < lines.Count; k++)
            {
                j.String(lines[k], $"{f}.output[{k}]");
            }
        });
        Entries(j, report, at, "violations", (e, f) =>
        {
            j.String(e["invariant"], f + ".invariant");
            j.String(e["message"], f + ".message");
        });
    }

    private static void Entries(JsonFields j, JsonObject report, string at, string list, Action<JsonObject, string> check)
    {
        var entries = j.Array(report[list], $"{at}.{list}");
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"{at}.{list}[{i}]";
            var e = j.Object(entries[i], field);
            check(e, field);
            j.Integer(e["count"], field + ".count", 1, long.MaxValue);
            j.OptionalString(e["trace"], field + ".trace");
        }
    }
}
