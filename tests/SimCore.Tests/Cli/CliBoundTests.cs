using System.Text.Json.Nodes;

namespace SimHarness.Tests.Cli;

/// <summary><c>explore --max-preemptions</c> and <c>--iterative</c> on the command line: the report's fields, the help, and bad values.</summary>
public class CliBoundTests
{
    private static readonly string[] s_lostUpdate = ["no-lost-update"];
    private DirectoryInfo _dir = null!;

    [SetUp]
    public void MakeDir() => _dir = Directory.CreateTempSubdirectory("simharness-cli-bound-");

    [TearDown]
    public void Cleanup() => _dir.Delete(recursive: true);

    private string InDir(string name) => Path.Combine(_dir.FullName, name);

    private JsonObject Report(params string[] args)
    {
        var json = InDir("r.json");
        var sut = CliInvocation.Of(["explore", "ZooLostUpdate", .. args, "--traces", InDir("traces"), "--json", json]);
        Assert.That(sut.ExitCode, Is.Zero, sut.Out + sut.Error);
        return JsonNode.Parse(File.ReadAllText(json))!.AsArray().Single()!.AsObject();
    }

    [Test]
    public void Explore_MaxPreemptionsOne_ReportsTheBoundCompleteAndThatItCutRuns()
    {
        var sut = Report("--max-preemptions", "1");

        Assert.Multiple(() =>
        {
            Assert.That((int?)sut["preemptionBound"], Is.EqualTo(1));
            Assert.That((bool?)sut["complete"], Is.True);
            Assert.That((bool?)sut["unboundedComplete"], Is.False, "two threads' lost update has runs with more than one preemption");
            Assert.That((string?)sut["stateCaching"], Does.StartWith("off: the preemption-bounded search runs without the reduction"));
            Assert.That(sut["violations"]!.AsArray().Select(v => (string?)v!["invariant"]), Is.EqualTo(s_lostUpdate));
        });
    }

    [Test]
    public void Explore_Iterative_ReportsTheHighestBoundAndThatTheWholeSearchFinished()
    {
        var sut = Report("--iterative");

        Assert.Multiple(() =>
        {
            Assert.That((bool?)sut["complete"], Is.True);
            Assert.That((bool?)sut["unboundedComplete"], Is.True);
            Assert.That((int?)sut["preemptionBound"], Is.GreaterThanOrEqualTo(1));
        });
    }

    [Test]
    public void Explore_MaxPreemptionsZero_LinesSayTheCompletenessIsWithinTheBoundOnly()
    {
        var sut = CliInvocation.Of("explore", "ZooLostUpdate", "--max-preemptions", "0", "--traces", InDir("traces"));

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(2), "the broken twin's bug needs a preemption: not found within 0");
            Assert.That(sut.Out, Does.Contain("complete=true preemptionBound=0 unboundedComplete=false"));
            Assert.That(sut.Out, Does.Contain("every search complete, within a preemption bound only: ZooLostUpdate <= 0"));
        });
    }

    [Test]
    public void Explore_WithoutABound_ReportHasNoBoundFields()
    {
        var sut = Report();

        Assert.That(sut.ContainsKey("preemptionBound") || sut.ContainsKey("unboundedComplete"), Is.False);
    }

    [TestCase("--max-preemptions", "-1", "--max-preemptions must be at least 0, got -1")]
    [TestCase("--iterative", "--strategy=random", "--iterative bounds the exhaustive search only, not --strategy random")]
    [TestCase("--max-preemptions=2", "--strategy=coyote", "--max-preemptions bounds the exhaustive search only, not --strategy coyote")]
    [TestCase("--iterative", "--shard=1/2", "--iterative cannot be combined with --shard")]
    public void Explore_BadBoundUsage_OneLineExitOne(string option, string other, string message)
    {
        var sut = CliInvocation.Of("explore", "ZooLostUpdate", option, other, "--traces", InDir("traces"));

        CliUsageErrorTests.AssertOneLineError(sut, message);
    }

    [Test]
    public void Explore_Help_DescribesBothOptions()
    {
        var sut = CliInvocation.Of("explore", "--help");

        Assert.That(sut.Out, Does.Contain("--max-preemptions").And.Contain("--iterative").And.Contain("at most K preemptions"));
    }
}
