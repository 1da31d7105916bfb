using System.Text.Json.Nodes;
using SimHarness.Tests.Cli;

namespace SimHarness.Tests.Exploration.Parallel;

/// <summary>
/// Issue 5, item 6: <c>explore --shard i/n</c> for every i, combined by <c>merge</c>, gives the
/// unsharded <c>explore --json</c> report apart from schedules, elapsedMs, trace paths and the
/// per-entry counts (runs of each search, see SplitSearchTests).
/// </summary>
public class ShardMergeTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("simharness-shards-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    // EventCheckConnect at its defaults has 144 distinct transcripts: the listed 100 are truncated.
    [TestCase(2, "EventCheckConnect", "")]
    [TestCase(3, "EventCheckConnect", "")]
    [TestCase(2, "EventCheckConnectLostWakeup", "threads=2")]
    [TestCase(3, "EventCheckConnectLostWakeup", "threads=2")]
    [TestCase(3, "EventRetryLimitGivesUpEarly", "threads=2;checkDelay=2;attempts=2")]
    [TestCase(2, "DiningPhilosophersDeadlock", "")]
    [TestCase(2, "EventCheckConnect DiningPhilosophersDeadlock GreenletEatPlay", "")]
    public void Merge_OfEveryShard_EqualsTheUnshardedReport(int n, string scenario, string overrides)
    {
        var whole = Explore("whole", scenario, overrides);
        var shards = Enumerable.Range(1, n).Select(i => Explore($"shard{i}", scenario, overrides, "--shard", $"{i}/{n}")).ToArray();
        var mergedPath = Path.Combine(_dir, "merged.json");

        var sut = CliInvocation.Of(["merge", .. shards.Select(s => s.Path), "-o", mergedPath]);

        Assert.That(sut.ExitCode, Is.EqualTo(whole.ExitCode), sut.Error);
        var merged = Load(mergedPath);
        var expected = Load(whole.Path);
        Assert.Multiple(() =>
        {
            Assert.That(merged.Count, Is.EqualTo(expected.Count), "one report per scenario, in the unsharded order");
            Assert.That(Comparable(merged).ToJsonString(), Is.EqualTo(Comparable(expected).ToJsonString()));
            Assert.That(Traces(merged), Is.All.Not.Null, "every listed entry keeps a shard's trace");
            Assert.That(merged.Select(r => (long?)r!["projectedSchedules"]), Is.EqualTo(merged.Select(r => (bool)r!["complete"]! ? (long?)r["schedules"] : null)),
                "a complete merged search projects its own runs; one cut short projects nothing");
        });
    }

    [Test]
    public void Merge_WithAShardMissing_RefusedOnOneLine()
    {
        var a = Explore("a", "EventCheckConnect", "threads=1", "--shard", "1/3");
        var b = Explore("b", "EventCheckConnect", "threads=1", "--shard", "3/3");

        var sut = CliInvocation.Of("merge", a.Path, b.Path);

        AssertOneLine(sut, "missing shard 2/3 of EventCheckConnect");
    }

    [Test]
    public void Merge_WithAShardTwice_RefusedOnOneLine()
    {
        var a = Explore("a", "EventCheckConnect", "threads=1", "--shard", "1/2");
        var b = Explore("b", "EventCheckConnect", "threads=1", "--shard", "2/2");

        var sut = CliInvocation.Of("merge", a.Path, b.Path, a.Path);

        AssertOneLine(sut, "duplicate shard 1/2");
    }

    [Test]
    public void Merge_OfShardsWithOtherParams_RefusedOnOneLine()
    {
        var a = Explore("a", "EventCheckConnect", "threads=1", "--shard", "1/2");
        var b = Explore("b", "EventCheckConnect", "threads=2", "--shard", "2/2");

        var sut = CliInvocation.Of("merge", a.Path, b.Path);

        AssertOneLine(sut, "differ in params");
    }

    [Test]
    public void Merge_OfShardsOfOtherCounts_RefusedOnOneLine()
    {
        var a = Explore("a", "EventCheckConnect", "threads=1", "--shard", "1/2");
        var b = Explore("b", "EventCheckConnect", "threads=1", "--shard", "2/3");

        var sut = CliInvocation.Of("merge", a.Path, b.Path);

        AssertOneLine(sut, "disagree on the shard count");
    }

    [Test]
    public void Merge_OfAnUnshardedReport_RefusedOnOneLine()
    {
        var a = Explore("a", "EventCheckConnect", "threads=1");

        var sut = CliInvocation.Of("merge", a.Path);

        AssertOneLine(sut, "not a shard");
    }

    [Test]
    public void Shard_OfABrokenTwinWithoutItsViolation_ExitsZeroAndMergeJudges()
    {
        // Shard 1/3 of the lost-wakeup twin at one connect thread finds no deadlock, but the whole search does.
        var shards = Enumerable.Range(1, 3).Select(i => Explore($"s{i}", "EventCheckConnectLostWakeup", "threads=1", "--shard", $"{i}/3")).ToArray();

        var sut = CliInvocation.Of(["merge", .. shards.Select(s => s.Path)]);

        Assert.Multiple(() =>
        {
            Assert.That(shards.Select(s => s.ExitCode), Is.All.EqualTo(0), "a shard is not judged on an expected violation it may not hold");
            Assert.That(shards.Select(s => ((JsonArray)Load(s.Path)[0]!["violations"]!).Count), Has.Some.EqualTo(0), "some shard holds no violation");
            Assert.That(sut.ExitCode, Is.EqualTo(0), "merged: the expected deadlock was found");
        });
    }

    [TestCase("0/2")]
    [TestCase("3/2")]
    [TestCase("x")]
    [TestCase("1/0")]
    [TestCase("1/2/3")]
    public void Explore_BadShard_RefusedOnOneLine(string shard)
    {
        var sut = CliInvocation.Of("explore", "EventCheckConnect", "--shard", shard, "--traces", _dir);

        AssertOneLine(sut, shard);
    }

    [TestCase("--shard", "1/2")]
    [TestCase("--workers", "2")]
    public void Explore_SplitWithASamplingStrategy_RefusedOnOneLine(string option, string value)
    {
        var sut = CliInvocation.Of("explore", "EventCheckConnect", "--strategy", "random", option, value, "--traces", _dir);

        AssertOneLine(sut, "exhaustive search only");
    }

    [TestCase("0")]
    [TestCase("-3")]
    [TestCase("257")]
    [TestCase("99999")]
    public void Explore_WorkersOutOfRange_RefusedOnOneLine(string workers)
    {
        var sut = CliInvocation.Of("explore", "EventCheckConnect", "--workers", workers, "--traces", _dir);

        AssertOneLine(sut, $"--workers must be between 1 and 256 (a search splits into at most 256 parts, one worker each at a time), got {workers}");
    }

    [TestCase(0, false, "exhaustive")]
    [TestCase(1, true, "exhaustive")]
    [TestCase(256, true, "exhaustive")]
    [TestCase(257, false, "exhaustive")]
    [TestCase(0, false, "random")]
    [TestCase(0, false, "coyote-random")]
    public void ExplorerApi_Workers_RefusedOutsideOneTo256(int workers, bool accepted, string strategy)
    {
        var (info, values) = SimHarness.Tests.Exploration.Estimation.SizeEstimateTests.Resolve<SimHarness.Tests.Exploration.Estimation.ChoiceChain>("counts=2,2");
        var options = new SimHarness.Exploration.ExplorationOptions { Workers = workers, Strategy = strategy, TracesDirectory = null };

        if (accepted)
        {
            Assert.That(SimHarness.Exploration.Explorer.Explore(info, values, options).Complete, Is.True);
        }
        else
        {
            Assert.That(() => SimHarness.Exploration.Explorer.Explore(info, values, options),
                Throws.TypeOf<SimHarness.UsageException>().With.Message.StartsWith("--workers must be between 1 and 256"));
        }
    }

    [Test]
    public void Explore_AsManyWorkersAsParts_Runs()
    {
        var sut = CliInvocation.Of("explore", "EventCheckConnect", "--workers", "256", "--traces", _dir);

        Assert.That(sut.ExitCode, Is.Zero, sut.Error);
    }

    private (string Path, int ExitCode) Explore(string name, string scenario, string overrides, params string[] more)
    {
        var path = Path.Combine(_dir, name + ".json");
        string[] param = overrides.Length == 0 ? [] : ["--param", overrides];
        var run = CliInvocation.Of(["explore", .. scenario.Split(' '), .. param, "--json", path, "--traces", Path.Combine(_dir, "traces-" + name), "--outcome-traces", .. more]);
        Assert.That(run.ExitCode, Is.Not.EqualTo(1), run.Error);
        return (path, run.ExitCode);
    }

    private static JsonArray Load(string path) => (JsonArray)JsonNode.Parse(File.ReadAllText(path))!;

    /// <summary>The report without the fields a split search may change: schedules, elapsedMs, trace paths and counts, and the size estimate that only a whole search makes.</summary>
    private static JsonArray Comparable(JsonArray reports)
    {
        var copy = (JsonArray)reports.DeepClone();
        foreach (var r in copy.Cast<JsonObject>())
        {
            r.Remove("schedules");
            // A complete search projects exactly its runs, and the split search makes more runs than the plain one.
            r.Remove("projectedSchedules");
            r.Remove("states");
            r.Remove("transitions");
            r.Remove("elapsedMs");
            foreach (var field in r.Select(kv => kv.Key).Where(k => k.StartsWith("estimate", StringComparison.Ordinal)).ToList())
            {
                r.Remove(field);
            }

            foreach (var e in ((JsonArray)r["outcomes"]!).Concat((JsonArray)r["violations"]!).Cast<JsonObject>())
            {
                e.Remove("trace");
                e.Remove("count");
            }
        }

        return copy;
    }

    private static IEnumerable<JsonNode?> Traces(JsonArray reports) =>
        reports.Cast<JsonObject>().SelectMany(r => ((JsonArray)r["outcomes"]!).Concat((JsonArray)r["violations"]!)).Select(e => e!["trace"]);

    private static void AssertOneLine(CliInvocation sut, string mustMention) => Assert.Multiple(() =>
    {
        Assert.That(sut.ExitCode, Is.EqualTo(1));
        Assert.That(sut.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(sut.Error, Does.Contain(mustMention));
        Assert.That(sut.Error, Does.Not.Contain("   at "), "no stack trace");
    });
}
