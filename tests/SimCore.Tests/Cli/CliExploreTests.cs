using System.Text.Json.Nodes;

namespace SimHarness.Tests.Cli;

public class CliExploreTests
{
    private static readonly string[] ReportFields =
        ["scenario", "params", "strategy", "code", "schedules", "states", "transitions", "stateCaching", "complete", "distinctOutputs", "outcomes", "violations", "asExpected", "elapsedMs",
         "estimatedSchedules", "estimatedSchedulesLow", "estimatedSchedulesHigh", "estimateIsUpperBound", "estimateProbes", "estimateMsPerRun", "estimateMs",
         "searchedShare", "projectedSchedules"];

    private static readonly string[] ViolationFields = ["invariant", "message", "trace", "count"];
    private static readonly string[] OutcomeFields = ["output", "count", "trace"];

    private DirectoryInfo _dir = null!;

    [SetUp]
    public void MakeDir() => _dir = Directory.CreateTempSubdirectory("simharness-cli-explore-");

    [TearDown]
    public void Cleanup() => _dir.Delete(recursive: true);

    private string InDir(string name) => Path.Combine(_dir.FullName, name);

    private static JsonArray WithoutElapsed(string path)
    {
        var a = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        foreach (var o in a)
        {
            o!.AsObject().Remove("elapsedMs");
        }

        return a;
    }

    [Test]
    public void Explore_SameSeedRandomTwice_IdenticalJsonApartFromElapsed()
    {
        string[] Args(string json) => ["explore", "EventRetryLimit", "--strategy", "random", "--seed", "42", "--iterations", "300", "--traces", InDir("traces"), "--json", json];

        var first = CliInvocation.Of(Args(InDir("a.json")));
        var second = CliInvocation.Of(Args(InDir("b.json")));

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.Zero, first.Error);
            Assert.That(second.ExitCode, Is.Zero, second.Error);
        });
        Assert.That(WithoutElapsed(InDir("b.json")).ToJsonString(), Is.EqualTo(WithoutElapsed(InDir("a.json")).ToJsonString()));
    }

    [Test]
    public void Explore_All_ExitsZeroBecauseTwinsFindTheirViolation()
    {
        var sut = CliInvocation.Of("explore", "--all", "--param", "threads=2", "--traces", InDir("traces"), "--json", InDir("all.json"));

        Assert.That(sut.ExitCode, Is.Zero, sut.Out + sut.Error);
        var reports = JsonNode.Parse(File.ReadAllText(InDir("all.json")))!.AsArray();
        var twin = reports.Single(r => (string?)r!["scenario"] == "EventCheckConnectLostWakeup")!;
        Assert.Multiple(() =>
        {
            Assert.That(reports, Has.Count.GreaterThanOrEqualTo(4));
            Assert.That(twin["violations"]!.AsArray().Select(v => (string?)v!["invariant"]), Does.Contain("deadlock"));
            Assert.That((bool)twin["complete"]!, Is.True);
        });
    }

    [Test]
    public void ExploreJson_HasExactlyTheContractFields()
    {
        var sut = CliInvocation.Of("explore", "EventCheckConnectLostWakeup", "--param", "threads=2", "--traces", InDir("traces"), "--outcome-traces", "--json", InDir("r.json"));

        Assert.That(sut.ExitCode, Is.Zero, sut.Error);
        var report = JsonNode.Parse(File.ReadAllText(InDir("r.json")))!.AsArray().Single()!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(report.Select(kv => kv.Key), Is.EqualTo(ReportFields));
            Assert.That(report["violations"]![0]!.AsObject().Select(kv => kv.Key), Is.EqualTo(ViolationFields));
            Assert.That(report["outcomes"]![0]!.AsObject().Select(kv => kv.Key), Is.EqualTo(OutcomeFields));
            Assert.That((int)report["params"]!["threads"]!, Is.EqualTo(2));
        });
    }

    [Test]
    public void Explore_CutShort_SaysHowMuchOfTheSearchIsBehindItAndProjectsTheWhole()
    {
        // ChoiceChain-like arithmetic is in SearchedShareTests; here the plain line and the JSON carry it.
        var cut = CliInvocation.Of("explore", "EventRetryLimit", "--iterations", "100", "--probes", "0", "--traces", InDir("traces"), "--json", InDir("cut.json"));
        var whole = CliInvocation.Of("explore", "EventCheckConnect", "--probes", "0", "--traces", InDir("traces"), "--json", InDir("whole.json"));

        var cutReport = JsonNode.Parse(File.ReadAllText(InDir("cut.json")))!.AsArray().Single()!;
        var wholeReport = JsonNode.Parse(File.ReadAllText(InDir("whole.json")))!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(cut.Out, Does.Match(@"complete=false .*searchedShare=0\.\d+ projectedSchedules=\d+"), cut.Out);
            Assert.That((double)cutReport["searchedShare"]!, Is.GreaterThan(0).And.LessThan(1));
            Assert.That((double)cutReport["projectedSchedules"]!, Is.EqualTo(100 / (double)cutReport["searchedShare"]!).Within(1));
            Assert.That(whole.Out, Does.Not.Contain("searchedShare"), "a complete search has the whole tree behind it: the line does not say so");
            Assert.That((double)wholeReport["searchedShare"]!, Is.EqualTo(1));
            Assert.That((long)wholeReport["projectedSchedules"]!, Is.EqualTo((long)wholeReport["schedules"]!));
        });
    }

    [Test]
    public void Explore_TwinThatDidNotFail_ExitsTwo()
    {
        // The first exhaustive schedule runs the pulse before any thread waits: no deadlock in one run.
        var sut = CliInvocation.Of("explore", "EventCheckConnectLostWakeup", "--iterations", "1", "--traces", InDir("traces"));

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(2));
            Assert.That(sut.Out, Does.Contain("complete=false").And.Contain("expected=NO"));
        });
    }

    [Test]
    public void Explore_TwinThatFailed_ExitsZero()
    {
        var sut = CliInvocation.Of("explore", "EventRetryLimitGivesUpEarly", "--param", "threads=1", "--traces", InDir("traces"));

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(sut.Out, Does.Contain("violation gives-up-after-attempts"));
        });
    }

    [Test]
    public void Explore_NoScenarioAndNoAll_RefusedOnOneLine()
    {
        var sut = CliInvocation.Of("explore");

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.ErrorLines, Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void Explore_ParamForSomeScenariosOnly_AppliesWhereItExists()
    {
        var sut = CliInvocation.Of("explore", "EventCheckConnect", "EventRetryLimit", "--param", "threads=1", "--param", "attempts=2",
            "--traces", InDir("traces"), "--json", InDir("r.json"));

        Assert.That(sut.ExitCode, Is.Zero, sut.Error);
        var reports = JsonNode.Parse(File.ReadAllText(InDir("r.json")))!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That((int)reports[0]!["params"]!["threads"]!, Is.EqualTo(1));
            Assert.That(reports[0]!["params"]!.AsObject().ContainsKey("attempts"), Is.False);
            Assert.That((int)reports[1]!["params"]!["attempts"]!, Is.EqualTo(2));
        });
    }

    [Test]
    public void Explore_Redirected_WritesPlainLinesWithoutAnsi()
    {
        var sut = CliInvocation.Of("explore", "EventCheckConnect", "--param", "threads=2", "--traces", InDir("traces"));

        Assert.Multiple(() =>
        {
            Assert.That(sut.Out, Does.StartWith("EventCheckConnect: strategy=exhaustive"));
            Assert.That(sut.Out, Does.Not.Contain("\u001b"));
        });
    }

    [Test]
    public void Explore_TimeLimit_StopsAndStillWritesPartialReport()
    {
        // Six connect threads take seconds to explore exhaustively; a fifth of a second cannot finish.
        var sut = CliInvocation.Of("explore", "EventRetryLimit", "--param", "threads=6", "--time-limit", "0.2",
            "--traces", InDir("traces"), "--json", InDir("r.json"));

        var report = JsonNode.Parse(File.ReadAllText(InDir("r.json")))!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That((bool)report["complete"]!, Is.False);
            Assert.That((long)report["schedules"]!, Is.Positive);
        });
    }

    [Test]
    public void Explore_IterationsCapOnExhaustive_ReportsIncomplete()
    {
        var sut = CliInvocation.Of("explore", "EventCheckConnect", "--iterations", "3", "--traces", InDir("traces"), "--json", InDir("r.json"));

        var report = JsonNode.Parse(File.ReadAllText(InDir("r.json")))!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That((long)report["schedules"]!, Is.EqualTo(3));
            Assert.That((bool)report["complete"]!, Is.False);
        });
    }
}
