using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace SimHarness.Tests.Cli;

/// <summary>What a CI job reads from <c>explore</c>: traces of violating runs only, the closing line, asExpected, JUnit XML, GitHub annotations, --require-complete.</summary>
public class CliCiReportTests
{
    private DirectoryInfo _dir = null!;

    [SetUp]
    public void MakeDir() => _dir = Directory.CreateTempSubdirectory("simharness-cli-ci-");

    [TearDown]
    public void Cleanup() => _dir.Delete(recursive: true);

    private static string UserAssembly => typeof(UnexpectedDeadlock).Assembly.Location;

    private string InDir(string name) => Path.Combine(_dir.FullName, name);

    private string[] TraceFiles() =>
        Directory.Exists(InDir("traces")) ? Directory.GetFiles(InDir("traces"), "*.json").Select(f => Path.GetFileName(f)).ToArray() : [];

    [Test]
    public void Explore_Traces_WritesViolatingRunsOnly()
    {
        var sut = CliInvocation.Of("explore", "EventCheckConnectLostWakeup", "--param", "threads=2", "--traces", InDir("traces"), "--json", InDir("r.json"));

        var report = JsonNode.Parse(File.ReadAllText(InDir("r.json")))!.AsArray().Single()!;
        var violationTraces = report["violations"]!.AsArray().Select(v => Path.GetFileName((string)v!["trace"]!)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(report["outcomes"]!.AsArray().Select(o => o!["trace"]), Has.All.Null);
            Assert.That((int)report["distinctOutputs"]!, Is.GreaterThan(1));
            Assert.That(violationTraces, Is.Not.Empty);
            Assert.That(TraceFiles(), Is.EquivalentTo(violationTraces));
        });
    }

    [Test]
    public void Explore_OutcomeTraces_AlsoWritesOneTracePerListedOutcome()
    {
        var sut = CliInvocation.Of("explore", "EventCheckConnect", "--param", "threads=2", "--traces", InDir("traces"), "--outcome-traces", "--json", InDir("r.json"));

        var report = JsonNode.Parse(File.ReadAllText(InDir("r.json")))!.AsArray().Single()!;
        var outcomeTraces = report["outcomes"]!.AsArray().Select(o => Path.GetFileName((string?)o!["trace"])).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(outcomeTraces, Has.Length.EqualTo((int)report["distinctOutputs"]!));
            Assert.That(TraceFiles(), Is.EquivalentTo(outcomeTraces));
        });
    }

    [Test]
    public void Explore_SeveralScenarios_ClosesWithTheSummaryLine()
    {
        var sut = CliInvocation.Of("explore", "EventCheckConnect", "EventCheckConnectLostWakeup", "--param", "threads=2", "--traces", InDir("traces"));

        var last = sut.Out.TrimEnd().Split('\n')[^1];
        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(last, Is.EqualTo("2 scenarios, 2 as expected; every search complete"));
        });
    }

    [Test]
    public void Explore_IterationsCap_SummarySaysCutShortAndJsonSaysNotAsExpected()
    {
        // One exhaustive run of the lost-wakeup twin pulses before anyone waits: no deadlock yet.
        var sut = CliInvocation.Of("explore", "EventCheckConnectLostWakeup", "--iterations", "1", "--traces", InDir("traces"), "--json", InDir("r.json"));

        var report = JsonNode.Parse(File.ReadAllText(InDir("r.json")))!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(2));
            Assert.That((bool)report["asExpected"]!, Is.False);
            Assert.That(sut.Out.TrimEnd().Split('\n')[^1],
                Is.EqualTo("1 scenario, 0 as expected (not: EventCheckConnectLostWakeup); incomplete: 1 cut short by --iterations (EventCheckConnectLostWakeup)"));
        });
    }

    [Test]
    public void Explore_RequireCompleteOnACutShortSearch_ExitsTwo()
    {
        string[] args = ["explore", "EventCheckConnect", "--iterations", "3", "--traces", InDir("traces")];

        var without = CliInvocation.Of(args);
        var sut = CliInvocation.Of([.. args, "--require-complete"]);

        Assert.Multiple(() =>
        {
            Assert.That(without.ExitCode, Is.Zero, without.Error);
            Assert.That(sut.ExitCode, Is.EqualTo(2));
            Assert.That(sut.Out, Does.Contain("cut short by --iterations"));
        });
    }

    [Test]
    public void Explore_RequireCompleteOnAFinishedSearch_ExitsZero()
    {
        var sut = CliInvocation.Of("explore", "EventCheckConnect", "--param", "threads=2", "--traces", InDir("traces"), "--require-complete");

        Assert.That(sut.ExitCode, Is.Zero, sut.Out + sut.Error);
    }

    [Test]
    public void Explore_RequireCompleteWithASamplingStrategy_RefusedOnOneLine()
    {
        var sut = CliInvocation.Of("explore", "EventCheckConnect", "--strategy", "random", "--require-complete");

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(sut.Error, Does.Contain("--require-complete needs --strategy exhaustive"));
        });
    }

    [Test]
    public void Explore_Junit_OneTestcasePerScenarioFailingOnlyTheUnexpected()
    {
        // EventCheckConnect is clean; the lost-wakeup twin capped at one run misses its deadlock;
        // ZooLostUpdateFixed is clean; ZooLostUpdate finds its expected violation.
        string[] names = ["EventCheckConnect", "EventCheckConnectLostWakeup", "ZooLostUpdate", "ZooLostUpdateFixed"];
        var capped = CliInvocation.Of(["explore", "EventCheckConnectLostWakeup", "--iterations", "1", "--traces", InDir("traces"), "--junit", InDir("capped.xml")]);
        var sut = CliInvocation.Of(["explore", .. names, "--traces", InDir("traces"), "--junit", InDir("r.xml")]);

        var suite = XDocument.Load(InDir("r.xml")).Root!.Element("testsuite")!;
        var cases = suite.Elements("testcase").ToList();
        var cappedCase = XDocument.Load(InDir("capped.xml")).Root!.Element("testsuite")!.Element("testcase")!;
        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(cases.Select(c => (string?)c.Attribute("name")), Is.EqualTo(names));
            Assert.That((int)suite.Attribute("tests")!, Is.EqualTo(4));
            Assert.That((int)suite.Attribute("failures")!, Is.Zero);
            Assert.That(cases.Select(c => c.Element("failure")), Has.All.Null);
            Assert.That(capped.ExitCode, Is.EqualTo(2));
            Assert.That((string?)cappedCase.Element("failure")?.Attribute("type"), Is.EqualTo("missing-expected-violation"));
            Assert.That((string?)cappedCase.Element("failure")?.Attribute("message"), Does.Contain("deadlock").And.Contain("incomplete"));
        });
    }

    [Test]
    public void Explore_JunitOfAnUnexpectedViolation_FailureNamesInvariantAndTrace()
    {
        var sut = CliInvocation.Of("explore", nameof(UnexpectedDeadlock), "--traces", InDir("traces"), "--junit", InDir("r.xml"), "--json", InDir("r.json"), "--assembly", UserAssembly);

        var trace = (string)JsonNode.Parse(File.ReadAllText(InDir("r.json")))!.AsArray().Single()!["violations"]![0]!["trace"]!;
        var suite = XDocument.Load(InDir("r.xml")).Root!.Element("testsuite")!;
        var failure = suite.Element("testcase")!.Element("failure")!;
        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(2));
            Assert.That((int)suite.Attribute("failures")!, Is.EqualTo(1));
            Assert.That((string?)failure.Attribute("type"), Is.EqualTo("unexpected-violation"));
            Assert.That((string?)failure.Attribute("message"), Does.StartWith("violation deadlock:").And.EndWith($"(trace: {trace})"));
            Assert.That(failure.Value, Does.Contain("trace: " + trace));
            Assert.That(File.Exists(trace), Is.True);
        });
    }

    [Test]
    [NonParallelizable]
    public void Explore_UnderGitHubActions_WritesAnErrorAnnotation()
    {
        var before = Environment.GetEnvironmentVariable("GITHUB_ACTIONS");
        Environment.SetEnvironmentVariable("GITHUB_ACTIONS", "true");
        try
        {
            var sut = CliInvocation.Of("explore", nameof(UnexpectedDeadlock), "--traces", InDir("traces"), "--assembly", UserAssembly);
            var quiet = CliInvocation.Of("explore", "EventCheckConnect", "--param", "threads=2", "--traces", InDir("traces"));

            Assert.Multiple(() =>
            {
                Assert.That(sut.Out, Does.Contain("::error title=UnexpectedDeadlock%3A violation deadlock::"));
                Assert.That(quiet.Out, Does.Not.Contain("::"));
            });
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_ACTIONS", before);
        }
    }

    [Test]
    public void Explore_WithoutGitHubActions_WritesNoAnnotation()
    {
        Assume.That(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), Is.Not.EqualTo("true"));

        var sut = CliInvocation.Of("explore", nameof(UnexpectedDeadlock), "--traces", InDir("traces"), "--assembly", UserAssembly);

        Assert.That(sut.Out, Does.Not.Contain("::error"));
    }
}
