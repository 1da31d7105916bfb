using System.Text.Json.Nodes;

namespace SimHarness.Tests.Cli;

public class CliReplayTests
{
    private DirectoryInfo _dir = null!;
    private string _recorded = null!;

    [SetUp]
    public void RecordRun()
    {
        _dir = Directory.CreateTempSubdirectory("simharness-cli-replay-");
        _recorded = Path.Combine(_dir.FullName, "recorded.json");
        var run = CliInvocation.Of("run", "EventCheckConnect", "--seed", "5", "--trace", _recorded);
        Assert.That(run.ExitCode, Is.Zero, run.Error);
    }

    [TearDown]
    public void Cleanup() => _dir.Delete(recursive: true);

    private string Edited(string name, Action<JsonObject> edit)
    {
        var o = JsonNode.Parse(File.ReadAllText(_recorded))!.AsObject();
        edit(o);
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, o.ToJsonString());
        return path;
    }

    private static void AssertOneLineError(CliInvocation sut, string mustMention)
    {
        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.ErrorLines, Has.Length.EqualTo(1), sut.Error);
            Assert.That(sut.Error, Does.Contain(mustMention));
            Assert.That(sut.Error, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public void Replay_RecordedCleanRun_MatchesAndExitsZero()
    {
        var sut = CliInvocation.Of("replay", _recorded);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(sut.Out, Does.Contain("replay matches the recorded run"));
            Assert.That(sut.Out, Does.Contain("开始连接"));
        });
    }

    [Test]
    public void Replay_TruncatedTrace_OneLineExitOne()
    {
        var text = File.ReadAllText(_recorded);
        var path = Path.Combine(_dir.FullName, "truncated.json");
        File.WriteAllText(path, text[..(text.Length / 2)]);

        AssertOneLineError(CliInvocation.Of("replay", path), "truncated.json");
    }

    [Test]
    public void Replay_NonJsonFile_OneLineExitOne()
    {
        var path = Path.Combine(_dir.FullName, "notes.txt");
        File.WriteAllText(path, "this is not a trace\nat all\n");

        AssertOneLineError(CliInvocation.Of("replay", path), "notes.txt");
    }

    [Test]
    public void Replay_UnknownScenario_OneLineExitOne()
    {
        var path = Edited("unknown.json", o => o["scenario"] = "NoSuchScenario");

        AssertOneLineError(CliInvocation.Of("replay", path), "NoSuchScenario");
    }

    [Test]
    public void Replay_EditedDecision_OneLineExitOne()
    {
        var path = Edited("decision.json", o => o["decisions"]![1] = "T99");

        AssertOneLineError(CliInvocation.Of("replay", path), "T99");
    }

    [Test]
    public void Replay_MalformedDecision_OneLineExitOne()
    {
        var path = Edited("decision.json", o => o["decisions"]![0] = "jump");

        AssertOneLineError(CliInvocation.Of("replay", path), "jump");
    }

    [Test]
    public void Replay_OtherHarnessVersion_OneLineExitOne()
    {
        var path = Edited("version.json", o => o["harnessVersion"] = "0.1-old");

        AssertOneLineError(CliInvocation.Of("replay", path), "0.1-old");
    }

    [Test]
    public void Replay_StaleTrace_NamesFirstDivergingStep()
    {
        var events = JsonNode.Parse(File.ReadAllText(_recorded))!["events"]!.AsArray();
        var index = events.Select((e, i) => (e, i)).Last(x => x.e!["text"] is not null).i;
        var path = Edited("stale.json", o => o["events"]![index]!["text"] = "something the code no longer prints");

        var sut = CliInvocation.Of("replay", path);

        AssertOneLineError(sut, $"trace is stale: first divergence at event {index}:");
        Assert.That(sut.Error, Does.Contain("something the code no longer prints"));
    }

    [Test]
    public void Replay_ViolatingTraceFromExplore_ReproducesViolationAndExitsTwo()
    {
        var json = Path.Combine(_dir.FullName, "report.json");
        var explore = CliInvocation.Of("explore", "EventCheckConnectLostWakeup", "--param", "threads=2", "--stop-on-first",
            "--traces", Path.Combine(_dir.FullName, "traces"), "--json", json);
        Assert.That(explore.ExitCode, Is.Zero, explore.Error);
        var trace = (string)JsonNode.Parse(File.ReadAllText(json))![0]!["violations"]![0]!["trace"]!;

        var sut = CliInvocation.Of("replay", trace);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(2), sut.Error);
            Assert.That(sut.Out, Does.Contain("VIOLATION deadlock"));
            Assert.That(sut.Out, Does.Contain("replay matches the recorded run"));
        });
    }

    [TestCaseSource(nameof(CuratedTraces))]
    public void Replay_CuratedTrace_MatchesAndReproducesItsViolation(string file)
    {
        var sut = CliInvocation.Of("replay", Path.Combine(RepoPaths.Traces, file));

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(2), sut.Error);
            Assert.That(sut.Out, Does.Contain("VIOLATION").And.Contain("replay matches the recorded run"));
        });
    }

    private static IEnumerable<string> CuratedTraces() =>
        Directory.EnumerateFiles(RepoPaths.Traces, "*.json")
            .Where(f => !f.EndsWith(".census.json", StringComparison.Ordinal))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal)!;
}
