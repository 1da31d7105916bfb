using System.Text.Json.Nodes;
using SimHarness.Tests.Cli;

namespace SimHarness.Tests.Census;

public class CliCensusTests
{
    private DirectoryInfo _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("simharness-census-");

    [TearDown]
    public void Cleanup() => _dir.Delete(recursive: true);

    private string InDir(string name) => Path.Combine(_dir.FullName, name);

    private string CopyOfCheckedIn(string scenario, Action<JsonObject> edit)
    {
        var o = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Traces, $"{scenario}.census.json")))!.AsObject();
        edit(o);
        var path = InDir($"{scenario}.census.json");
        File.WriteAllText(path, o.ToJsonString());
        return path;
    }

    [Test]
    public void Explore_AllAgainstTracesDirectory_MatchesAndExitsZero()
    {
        var sut = CliInvocation.Of("explore", "--all", "--census", RepoPaths.Traces, "--traces", InDir("t"));

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Out + sut.Error);
            // threads=2: the three t=0 lines of three threads in any order (3! = 6), then the two t=3 lines (2).
            Assert.That(sut.Out, Does.Contain("census matches: EventCheckConnect (12 outcomes, 0 violations)"));
            Assert.That(sut.Out, Does.Not.Contain("census differs"));
        });
    }

    [Test]
    public void Explore_AlteredCensus_ExitsTwoNamingAddedAndMissingOutcome()
    {
        var path = CopyOfCheckedIn("GeventEatPlay", o => o["outcomes"]![0]![0] = "alex plays 1");

        var sut = CliInvocation.Of("explore", "GeventEatPlay", "--census", path, "--traces", InDir("t"));

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(2), sut.Error);
            Assert.That(sut.Out, Does.Contain("census differs: GeventEatPlay"));
            Assert.That(sut.Out, Does.Contain("""  added outcome ["alex play 1","egon eat 1","alex play 2","egon eat 2"]"""));
            Assert.That(sut.Out, Does.Contain("""  missing outcome ["alex plays 1","egon eat 1","alex play 2","egon eat 2"]"""));
            Assert.That(sut.Out, Does.Not.Contain("""missing outcome ["egon eat 1","""), "the unaltered outcome matches");
        });
    }

    [Test]
    public void Explore_CensusMissingAViolation_ExitsTwoNamingIt()
    {
        var path = CopyOfCheckedIn("DiningPhilosophersDeadlock", o => o["violations"] = new JsonArray());

        var sut = CliInvocation.Of("explore", "DiningPhilosophersDeadlock", "--census", path, "--traces", InDir("t"));

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(2), sut.Error);
            Assert.That(sut.Out, Does.Contain("  added violation deadlock: "));
        });
    }

    [Test]
    public void Explore_ParamContradictingCensus_OneLineExitOne()
    {
        var sut = CliInvocation.Of("explore", "GeventEatPlay", "--census", RepoPaths.Traces, "--param", "exploreTies=false");

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(sut.Error, Does.Contain("pins exploreTies=true but --param gives exploreTies=false"));
        });
    }

    [Test]
    public void Explore_NoCensusFile_OneLineExitOneNamingUpdate()
    {
        var sut = CliInvocation.Of("explore", "GeventEatPlay", "--census", _dir.FullName);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(sut.Error, Does.Contain("census not found").And.Contain("--census-update"));
        });
    }

    [Test]
    public void Explore_CensusWithSamplingStrategy_OneLineExitOne()
    {
        var sut = CliInvocation.Of("explore", "GeventEatPlay", "--census", RepoPaths.Traces, "--strategy", "random");

        Assert.That(sut.ExitCode, Is.EqualTo(1));
        Assert.That(sut.Error, Does.Contain("exhaustive"));
    }

    [Test]
    public void Explore_CensusFileForSeveralScenarios_OneLineExitOne()
    {
        var sut = CliInvocation.Of("explore", "GeventEatPlay", "PatchedEatPlay", "--census", InDir("one.census.json"));

        Assert.That(sut.ExitCode, Is.EqualTo(1));
        Assert.That(sut.Error, Does.Contain("give a directory"));
    }

    [Test]
    public void Explore_IncompleteExploration_RefusesToWriteCensus()
    {
        var sut = CliInvocation.Of("explore", "EventCheckConnect", "--iterations", "3", "--census", _dir.FullName, "--census-update", "--traces", InDir("t"));

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.Error, Does.Contain("complete"));
            Assert.That(File.Exists(InDir("EventCheckConnect.census.json")), Is.False);
        });
    }

    [Test]
    public void CensusUpdate_ThenCompare_RoundTripsAndKeepsTheCensusParams()
    {
        var write = CliInvocation.Of("explore", "EventRetryLimit", "--param", "threads=1", "--census", _dir.FullName, "--census-update", "--traces", InDir("t"));
        Assert.That(write.ExitCode, Is.Zero, write.Error);

        // Without --param the comparison explores at the census's threads=1, not the default 3.
        var sut = CliInvocation.Of("explore", "EventRetryLimit", "--census", _dir.FullName, "--traces", InDir("t"), "--json", InDir("r.json"));
        var report = JsonNode.Parse(File.ReadAllText(InDir("r.json")))![0]!;

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Out + sut.Error);
            Assert.That(sut.Out, Does.Contain("census matches: EventRetryLimit"));
            Assert.That((int)report["params"]!["threads"]!, Is.EqualTo(1));
            Assert.That(File.ReadAllText(InDir("EventRetryLimit.census.json")), Does.Contain("\"threads\": \"1\"").And.Contain("尝试第1次连接"));
        });
    }

    [Test]
    public void CensusUpdate_WithoutCensus_OneLineExitOne()
    {
        var sut = CliInvocation.Of("explore", "GeventEatPlay", "--census-update");

        Assert.That(sut.ExitCode, Is.EqualTo(1));
        Assert.That(sut.Error, Does.Contain("--census-update needs --census"));
    }
}
