using System.Globalization;
using System.Text.Json.Nodes;

namespace SimHarness.Tests.Cli;

/// <summary><c>explore --estimate</c> and <c>--probes</c> (issue 12, item 2).</summary>
public class CliEstimateTests
{
    private DirectoryInfo _dir = null!;

    [SetUp]
    public void MakeDir() => _dir = Directory.CreateTempSubdirectory("simharness-cli-estimate-");

    [TearDown]
    public void Cleanup() => _dir.Delete(recursive: true);

    private string InDir(string name) => Path.Combine(_dir.FullName, name);

    [Test]
    public void Estimate_OneScenario_PrintsOnlyTheEstimateAndExitsZero()
    {
        // ZooLostUpdate (2 threads, 1 increment each) broken twin: --estimate explores nothing, so no violation and exit 0.
        var sut = CliInvocation.Of("explore", "ZooLostUpdate", "--estimate", "--probes", "50", "--traces", InDir("traces"));

        var lines = sut.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(lines, Has.Length.EqualTo(2));
            Assert.That(lines[0], Does.Match(@"^ZooLostUpdate: estimatedSchedules=\d+ low=\d+ high=\d+ probes=50 msPerRun=[0-9.]+ estimatedTime=\S+ tree=unreduced$"));
            Assert.That(lines[1], Does.StartWith("estimates are of the unreduced schedule tree"));
            Assert.That(Directory.Exists(InDir("traces")), Is.False, "nothing explored, no trace");
        });
    }

    [Test]
    public void Estimate_NoReductionParam_IsNearTheCountTheSearchMakes()
    {
        string[] scenario = ["explore", "EventRetryLimit", "--param", "threads=1", "--param", "checkDelay=2", "--no-reduction"];

        var estimate = CliInvocation.Of([.. scenario, "--estimate", "--probes", "1000", "--time-limit", "60"]);
        var search = CliInvocation.Of([.. scenario, "--probes", "0", "--traces", InDir("traces"), "--json", InDir("r.json")]);

        var estimated = double.Parse(System.Text.RegularExpressions.Regex.Match(estimate.Out, @"estimatedSchedules=(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var schedules = (long)JsonNode.Parse(File.ReadAllText(InDir("r.json")))![0]!["schedules"]!;
        Assert.Multiple(() =>
        {
            Assert.That(estimate.ExitCode, Is.Zero, estimate.Error);
            Assert.That(search.ExitCode, Is.Zero, search.Error);
            Assert.That(estimated / schedules, Is.InRange(0.5, 2.0), $"estimate {estimated}, search {schedules}");
        });
    }

    [Test]
    public void Explore_Exhaustive_JsonCarriesTheEstimate()
    {
        var sut = CliInvocation.Of("explore", "ZooLostUpdate", "--no-reduction", "--probes", "20", "--traces", InDir("traces"), "--json", InDir("r.json"));

        var report = JsonNode.Parse(File.ReadAllText(InDir("r.json")))![0]!;
        var estimate = (double)report["estimatedSchedules"]!;
        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, "the broken twin's violation is the expected one");
            Assert.That((double)report["estimatedSchedulesLow"]!, Is.LessThanOrEqualTo(estimate));
            Assert.That((double)report["estimatedSchedulesHigh"]!, Is.GreaterThanOrEqualTo(estimate));
            Assert.That((int)report["estimateProbes"]!, Is.EqualTo(20));
            Assert.That((bool)report["estimateIsUpperBound"]!, Is.False);
            Assert.That(sut.Out, Does.Contain(" estimatedSchedules="));
        });
    }

    [TestCase("--probes", "0")]
    [TestCase("--strategy", "random")]
    public void Explore_NoProbesOrSampling_JsonHasNoEstimate(string option, string value)
    {
        var sut = CliInvocation.Of("explore", "ZooLostUpdateFixed", option, value, "--traces", InDir("traces"), "--json", InDir("r.json"));

        var report = JsonNode.Parse(File.ReadAllText(InDir("r.json")))![0]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(report.Select(kv => kv.Key).Where(k => k.StartsWith("estimate", StringComparison.Ordinal)), Is.Empty);
        });
    }

    [TestCase("--json", "r.json")]
    [TestCase("--shard", "1/2")]
    [TestCase("--iterations", "5")]
    [TestCase("--strategy", "pct")]
    [TestCase("--probes", "0")]
    [TestCase("--workers", "2")]
    public void Estimate_WithAnOptionItIgnores_OneLineAndExitOne(string option, string value)
    {
        var sut = CliInvocation.Of("explore", "ZooLostUpdate", "--estimate", option, value);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(sut.ErrorLines[0], Does.Contain(option == "--strategy" ? "pct" : option));
            Assert.That(sut.Out, Is.Empty);
        });
    }

    [TestCase("-1", "exhaustive")]
    [TestCase("5", "random")]
    public void Explore_BadProbes_OneLineAndExitOne(string probes, string strategy)
    {
        var sut = CliInvocation.Of("explore", "ZooLostUpdate", "--probes", probes, "--strategy", strategy);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(sut.ErrorLines[0], Does.Contain("--probes"));
        });
    }

    [Test]
    public void Estimate_TreeBeyondTimeSpan_GivesTheTimeInYears()
    {
        // EventRetryLimit at its defaults has some 10^16 unreduced schedules: longer than TimeSpan can hold.
        var sut = CliInvocation.Of("explore", "EventRetryLimit", "--estimate", "--probes", "20");

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(sut.Out, Does.Match(@"estimatedSchedules=\d(\.\d+)?e\+1\d .* estimatedTime=\d+y "));
        });
    }

    [Test]
    public void Help_Explore_DocumentsEstimateAndProbes()
    {
        var sut = CliInvocation.Of("explore", "--help");

        Assert.That(sut.Out, Does.Contain("--estimate").And.Contain("--probes"));
    }
}
