using System.Text.Json.Nodes;
using SimHarness.Tests.Cli;

namespace SimHarness.Tests.Guidance;

/// <summary>A trace records the assembly of its scenario, and replay/shrink of a trace whose scenario is not loaded say to pass --assembly.</summary>
public class TraceAssemblyTests
{
    private static string UserAssembly => typeof(UnexpectedDeadlock).Assembly.Location;

    private DirectoryInfo _dir = null!;

    [SetUp]
    public void MakeDir() => _dir = Directory.CreateTempSubdirectory("simharness-trace-assembly-");

    [TearDown]
    public void Cleanup() => _dir.Delete(recursive: true);

    private string UserTrace()
    {
        var json = Path.Combine(_dir.FullName, "r.json");
        CliInvocation.Of("explore", nameof(UnexpectedDeadlock), "--assembly", UserAssembly, "--traces", _dir.FullName, "--json", json);
        return (string)JsonNode.Parse(File.ReadAllText(json))!.AsArray().Single()!["violations"]![0]!["trace"]!;
    }

    [Test]
    public void Explore_UserScenario_TraceRecordsItsAssembly()
    {
        var trace = JsonNode.Parse(File.ReadAllText(UserTrace()))!;

        Assert.That((string?)trace["assembly"], Is.EqualTo("SimCore.Tests"));
    }

    [Test]
    public void Run_CatalogScenario_TraceRecordsScenariosAssembly()
    {
        var path = Path.Combine(_dir.FullName, "t.json");
        CliInvocation.Of("run", "EventCheckConnect", "--param", "threads=1", "--trace", path);

        Assert.That((string?)JsonNode.Parse(File.ReadAllText(path))!["assembly"], Is.EqualTo("Scenarios"));
    }

    [TestCase("replay")]
    [TestCase("shrink")]
    public void ReplayOrShrink_WithoutTheAssembly_SaysToPassIt(string verb)
    {
        var trace = UserTrace();

        var sut = CliInvocation.Of(verb, trace);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(sut.Error, Does.Contain("trace names scenario 'UnexpectedDeadlock', which is not in the catalog: it came from assembly SimCore.Tests: pass --assembly path/to/SimCore.Tests.dll"));
        });
    }

    [Test]
    public void Replay_WithTheAssembly_ReproducesTheViolation()
    {
        var sut = CliInvocation.Of("replay", UserTrace(), "--assembly", UserAssembly);

        Assert.That(sut.ExitCode, Is.EqualTo(2), sut.Error);
    }

    [Test]
    public void Replay_OldTraceWithoutAssemblyField_HintsAtYourOwnAssembly()
    {
        var path = UserTrace();
        var o = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        o.Remove("assembly");
        File.WriteAllText(path, o.ToJsonString());

        var sut = CliInvocation.Of("replay", path);

        Assert.That(sut.Error, Does.Contain("if it comes from your own assembly, pass --assembly path/to/YourScenarios.dll"));
    }
}
