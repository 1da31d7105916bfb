using System.Globalization;
using System.Text.Json.Nodes;
using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Exploration.Parallel;
using SimHarness.Input;

namespace SimHarness.Cli.Merging;

/// <summary>
/// Combines the <c>explore --shard i/n --json</c> reports of every shard into the report of the
/// whole search: the same scenario, params, strategy, completeness, distinct outputs, outcomes and
/// violations as the unsharded search; schedules and per-entry counts are the shards' sums (runs of
/// the split search), elapsedMs is the slowest shard's, and each listed entry keeps the trace of
/// the lowest-numbered shard that found it.
/// </summary>
/// <remarks>
/// Each shard lists its smallest outcomes (ordinal by text); an outcome among the smallest of the
/// whole search is among the smallest of every shard that found it, so the merged list and its
/// counts are exact sums over the shards. The distinct count is the size of the union of the shards' transcript digests.
/// </remarks>
internal static class ShardMerger
{
    private static readonly int s_limit = new ExplorationOptions().MaxOutcomes;

    /// <summary>The merged reports in the order of the first file, each with whether it is as expected.</summary>
    public static List<(JsonObject Report, bool AsExpected)> Merge(IReadOnlyList<(string Path, JsonNode? Json)> files)
    {
        var groups = new List<(string Scenario, List<(string Path, ShardSpec Shard, JsonObject Report)> Shards)>();
        foreach (var (path, json) in files)
        {
            if (json is not JsonArray array)
            {
                throw new UsageException($"{path}: not an explore --json report (expected an array)");
            }

            var fields = new JsonFields($"report {path}");
            for (var i = 0; i < array.Count; i++)
            {
                var report = fields.Object(array[i], $"[{i}]");
                var scenario = fields.String(report["scenario"], $"[{i}].scenario");
                var shard = report["shard"] is JsonValue v && v.TryGetValue<string>(out var s)
                    ? ParseShard(s, path)
                    : throw new UsageException($"{path}: the report of {scenario} is not a shard's (explore --shard i/n --json)");
                ShardReportSchema.Check(fields, report, $"[{i}]");
                var group = groups.Find(g => g.Scenario == scenario);
                if (group.Shards is null)
                {
                    group = (scenario, []);
                    groups.Add(group);
                }

                group.Shards.Add((path, shard, report));
            }
        }

        return groups.ConvertAll(g => MergeOne(g.Scenario, g.Shards));
    }

    private static (JsonObject, bool) MergeOne(string scenario, List<(string Path, ShardSpec Shard, JsonObject Report)> shards)
    {
        var first = shards[0];
        var n = first.Shard.Count;
        foreach (var (path, shard, report) in shards)
        {
            if (shard.Count != n)
            {
                throw new UsageException($"shards of {scenario} disagree on the shard count: {first.Shard} in {first.Path}, {shard} in {path}");
            }

            foreach (var key in new[] { "params", "strategy", "expectedViolation" })
            {
                if (!JsonNode.DeepEquals(report[key], first.Report[key]))
                {
                    throw new UsageException($"shards of {scenario} differ in {key}: {first.Path} and {path}");
                }
            }
        }

        for (var i = 1; i <= n; i++)
        {
            var found = shards.Where(s => s.Shard.Number == i).ToList();
            if (found.Count == 0)
            {
                throw new UsageException($"missing shard {new ShardSpec(i, n)} of {scenario}");
            }

            if (found.Count > 1)
            {
                throw new UsageException($"duplicate shard {new ShardSpec(i, n)} of {scenario}: {found[0].Path} and {found[1].Path}");
            }
        }

        var ordered = shards.OrderBy(s => s.Shard.Number).Select(s => (s.Path, s.Report)).ToList();
        var digests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, report) in ordered)
        {
            foreach (var d in Array(report, "outputDigests", path))
            {
                digests.Add(d!.GetValue<string>());
            }
        }

        var outcomes = Union(ordered, "outcomes", o => string.Join('\n', Array(o, "output", "").Select(l => l!.GetValue<string>())), StringComparer.Ordinal);
        var violations = Union(ordered, "violations", v => Text(v, "invariant", "") + "\0" + Text(v, "message", ""), StringComparer.Ordinal);
        // Shards may run on different copies of the assemblies (they find the same): name each kind once.
        var code = ordered.Select(s => s.Report["code"]?.GetValue<string>()).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var merged = new JsonObject
        {
            ["scenario"] = scenario,
            ["params"] = first.Report["params"]?.DeepClone(),
            ["strategy"] = first.Report["strategy"]?.DeepClone(),
        };
        if (code.Count > 0)
        {
            merged["code"] = string.Join(" and ", code);
        }

        merged["schedules"] = Sum(ordered.Select(s => Number(s.Report, "schedules", s.Path)), scenario, "schedules");
        // Each shard caches its own states: the sums count a state once per shard that explored it.
        merged["states"] = Sum(ordered.Select(s => s.Report["states"] is null ? 0 : Number(s.Report, "states", s.Path)), scenario, "states");
        merged["transitions"] = Sum(ordered.Select(s => s.Report["transitions"] is null ? 0 : Number(s.Report, "transitions", s.Path)), scenario, "transitions");
        merged["stateCaching"] = first.Report["stateCaching"]?.DeepClone();
        merged["complete"] = ordered.All(s => s.Report["complete"]?.GetValue<bool>() == true);
        merged["distinctOutputs"] = digests.Count;
        merged["outcomes"] = new JsonArray([.. outcomes.Take(s_limit)]);
        if (digests.Count > Math.Min(outcomes.Count, s_limit))
        {
            merged["outcomesTruncated"] = true;
        }

        merged["violations"] = new JsonArray([.. violations.Take(s_limit)]);
        var expected = first.Report["expectedViolation"]?.GetValue<string>();
        var asExpected = expected is null
            ? violations.Count == 0
            : violations.Any(v => v["invariant"]?.GetValue<string>() == expected);
        merged["asExpected"] = asExpected;
        merged["elapsedMs"] = ordered.Max(s => Number(s.Report, "elapsedMs", s.Path));
        if (merged["complete"]!.GetValue<bool>())
        {
            // Every shard finished: the whole search is behind it, as the unsharded report says. A shard
            // cut short cannot say how much of the whole it left (README, "How far a search has come").
            merged["searchedShare"] = 1;
            merged["projectedSchedules"] = merged["schedules"]!.GetValue<long>();
        }

        return (merged, asExpected);
    }

    /// <summary>The entries of every shard's list, one per key (counts summed, the lowest shard's trace), sorted by key.</summary>
    private static List<JsonObject> Union(List<(string Path, JsonObject Report)> shards, string list, Func<JsonObject, string> key, StringComparer order)
    {
        var byKey = new SortedDictionary<string, JsonObject>(order);
        foreach (var (path, report) in shards)
        {
            foreach (var node in Array(report, list, path))
            {
                var entry = node as JsonObject ?? throw new UsageException($"{path}: bad {list} entry");
                var k = key(entry);
                if (byKey.TryGetValue(k, out var kept))
                {
                    kept["count"] = Sum([Number(kept, "count", path), Number(entry, "count", path)], k, $"{list} count");
                }
                else
                {
                    byKey[k] = (JsonObject)entry.DeepClone();
                }
            }
        }

        return [.. byKey.Values];
    }

    /// <summary>A sum of counts, refused when it passes 2^63 - 1 (it would wrap to a negative count).</summary>
    private static long Sum(IEnumerable<long> counts, string owner, string what)
    {
        try
        {
            return counts.Aggregate(0L, (a, b) => checked(a + b));
        }
        catch (OverflowException)
        {
            throw new UsageException($"the shards' {what} of {owner.Split('\n')[0].Split('\0')[0]} add up past {long.MaxValue}: a report is corrupt");
        }
    }

    private static ShardSpec ParseShard(string text, string path)
    {
        try
        {
            return ShardSpec.Parse(text);
        }
        catch (UsageException)
        {
            throw new UsageException($"{path}: bad shard '{text}' (expected i/n)");
        }
    }

    private static string Text(JsonObject o, string name, string path) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new UsageException($"{path}: missing \"{name}\" in a report");

    private static long Number(JsonObject o, string name, string path) =>
        o[name] is JsonValue v && v.TryGetValue<long>(out var l) ? l : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{path}: missing \"{name}\" in a report"));

    private static JsonArray Array(JsonObject o, string name, string path) =>
        o[name] as JsonArray ?? throw new UsageException($"{path}: missing \"{name}\" in a report");
}
