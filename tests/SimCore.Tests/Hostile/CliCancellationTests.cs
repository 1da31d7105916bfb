using System.Text.Json.Nodes;
using SimHarness.Exploration;

namespace SimHarness.Tests.Hostile;

/// <summary>Issue 15: a time limit or Ctrl-C stops inside one long run, and the partial report is still written.</summary>
public class CliCancellationTests
{
    private DirectoryInfo _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("simharness-cancel-");

    [TearDown]
    public void Cleanup() => _dir.Delete(recursive: true);

    [Test]
    public void Explore_TimeLimitInsideOneHugeRun_EndsWithinFiveSecondsAndWritesTheReport()
    {
        // One run at 2000 clients under the reduction takes minutes; the limit must cut it (a bound on a hang, not a benchmark).
        var json = Path.Combine(_dir.FullName, "report.json");
        var clock = new WallTimer();

        var sut = Cli.CliInvocation.Of("explore", "EchoUpper", "--param", "clients=2000", "--time-limit", "2", "--json", json, "--traces", Path.Combine(_dir.FullName, "t"));

        var report = JsonNode.Parse(File.ReadAllText(json))![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
            Assert.That(sut.ExitCode, Is.Not.EqualTo(1), sut.Error);
            Assert.That((bool)report["complete"]!, Is.False);
            Assert.That((int)report["params"]!["clients"]!, Is.EqualTo(2000));
        });
    }

    [Test]
    public void Explore_CoyoteTimeLimitInsideOneHugeIteration_StopsAndWritesTheReport()
    {
        // One Coyote iteration at 2000 clients runs for about a minute uncut; 30 s only guards against a hang.
        var json = Path.Combine(_dir.FullName, "report.json");
        var clock = new WallTimer();

        var sut = Cli.CliInvocation.Of("explore", "EchoUpper", "--strategy", "coyote-random", "--iterations", "1", "--param", "clients=2000", "--time-limit", "2", "--json", json, "--traces", Path.Combine(_dir.FullName, "t"));

        var report = JsonNode.Parse(File.ReadAllText(json))![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Not.EqualTo(1), sut.Error);
            Assert.That((bool)report["complete"]!, Is.False);
            Assert.That((long)report["schedules"]!, Is.Zero, "the cut iteration is not counted");
            Assert.That(report["violations"]!.AsArray(), Is.Empty);
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        });
    }

    [Test]
    public void ExploreAll_CancelledPartWay_ListsEveryScenarioAndExitsThree()
    {
        var json = Path.Combine(_dir.FullName, "all.json");
        var catalog = JsonNode.Parse(Cli.CliInvocation.Of("list", "--json").Out)!.AsArray().Select(s => (string)s!["name"]!).ToArray();
        using var cancel = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        // Cancelled from the start of the second scenario: what Ctrl-C does, through the in-process entry point.
        cancel.CancelAfter(TimeSpan.FromSeconds(1));
        var code = SimHarness.Cli.Cli.Run(["explore", "--all", "--json", json, "--traces", Path.Combine(_dir.FullName, "t")], stdout, stderr, false, cancel.Token);

        var reports = JsonNode.Parse(File.ReadAllText(json))!.AsArray();
        var unexplored = reports.Where(r => r!["explored"] is { } e && !(bool)e).Select(r => (string)r!["scenario"]!).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(3), stderr.ToString());
            Assert.That(reports.Select(r => (string)r!["scenario"]!), Is.EqualTo(catalog), "every scenario, in order");
            Assert.That(unexplored, Is.Not.Empty, "a second is not enough for the whole catalog");
            Assert.That(stdout.ToString(), Does.Contain($"{unexplored[0]}: explored=false"));
        });
    }

    [Test]
    public void Merge_ReportOfAnUnexploredScenario_Refused()
    {
        var path = Path.Combine(_dir.FullName, "shard.json");
        var explore = Cli.CliInvocation.Of("explore", "ZooLostUpdate", "--shard", "1/1", "--json", path, "--traces", Path.Combine(_dir.FullName, "t"));
        Assert.That(explore.ExitCode, Is.Zero, explore.Error);
        var reports = JsonNode.Parse(File.ReadAllText(path))!;
        reports[0]!["explored"] = false;
        File.WriteAllText(path, reports.ToJsonString());

        var sut = Cli.CliInvocation.Of("merge", path);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.Error, Does.Contain("explored").And.Contain("interrupted"));
        });
    }

    [Test]
    public void Explore_MaxStepsBeyondTheBound_Refused()
    {
        var sut = Cli.CliInvocation.Of("explore", "ZooLivelock", "--max-steps", "1000000000");

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.Error, Does.Contain("--max-steps").And.Contain("10000000"));
        });
    }
}
