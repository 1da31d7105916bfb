using System.Text.Json.Nodes;
using SimHarness.Catalog;
using SimHarness.Scenarios.Zoo;
using SimHarness.Tests.Cli;

namespace SimHarness.Tests.Zoo;

/// <summary>The zoo in the main job: every bug is reported found, and only unexpected results change the exit code.</summary>
public class ZooCliTests
{
    private DirectoryInfo _dir = null!;

    [SetUp]
    public void MakeDir() => _dir = Directory.CreateTempSubdirectory("simharness-zoo-cli-");

    [TearDown]
    public void RemoveDir() => _dir.Delete(recursive: true);

    [Test]
    public void Explore_WholeZoo_EachBugFoundAsExpectedEachFixNone_ExitsZero()
    {
        var json = Path.Combine(_dir.FullName, "zoo.json");
        var names = ScenarioCatalog.Discover([typeof(ZooCheckThenAct).Assembly])
            .Where(s => s.Type.Namespace == typeof(ZooCheckThenAct).Namespace)
            .Select(s => s.Name);

        var sut = CliInvocation.Of(["explore", .. names, "--traces", Path.Combine(_dir.FullName, "traces"), "--json", json]);

        Assert.That(sut.ExitCode, Is.Zero, sut.Out + sut.Error);
        var zoo = JsonNode.Parse(File.ReadAllText(json))!.AsArray()
            .Where(r => ((string)r!["scenario"]!).StartsWith("Zoo", StringComparison.Ordinal))
            .ToDictionary(r => (string)r!["scenario"]!, r => r!);
        var bugs = ScenarioCatalog.Discover([typeof(ZooCheckThenAct).Assembly])
            .Where(s => s.Type.Namespace == typeof(ZooCheckThenAct).Namespace && s.ExpectedToFail)
            .ToArray();
        Assert.That(bugs, Has.Length.GreaterThanOrEqualTo(8));
        foreach (var bug in bugs)
        {
            Assert.That(zoo[bug.Name]["violations"]!.AsArray().Select(v => (string?)v!["invariant"]), Has.Member(bug.ExpectedViolation), bug.Name);
            Assert.That(zoo[bug.Name + "Fixed"]["violations"]!.AsArray(), Is.Empty, bug.Name + "Fixed");
        }
    }

    [Test]
    public void Explore_ZooBugAtParametersWhereItCannotHappen_ExitsTwo()
    {
        var sut = CliInvocation.Of("explore", "ZooLostUpdate", "--param", "threads=1", "--traces", Path.Combine(_dir.FullName, "traces"));

        Assert.That(sut.ExitCode, Is.EqualTo(2), "a scenario expected to fail that does not fail is unexpected");
        Assert.That(sut.Out, Does.Contain("expected=NO"));
    }
}
