using System.Text.Json.Nodes;
using SimHarness.Catalog;

namespace SimHarness.Tests.Cli;

/// <summary>
/// The simharness command runs <c>explore</c> on SimCore and Scenarios as compiled (the build's
/// unrewritten/ copies) and every Coyote use on the rewritten ones; both give the same searches.
/// Run as a process, as a user runs it: the switch happens before the command line is parsed.
/// </summary>
[NonParallelizable]
public class CompiledCodeTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(3);
    private static readonly string[] Rewritten = ["rewritten for Coyote"];
    private static readonly string[] BothCompiled = ["as compiled", "as compiled"];
    private static readonly string[] UsesNUnit = ["uses nunit.framework"];
    private static readonly string[] TwoLines = ["line 0", "line 1"];

    private static string Bin => TestContext.CurrentContext.TestDirectory;

    private DirectoryInfo _dir = null!;

    [SetUp]
    public void MakeDirectory() => _dir = Directory.CreateTempSubdirectory("simharness-compiled-");

    [TearDown]
    public void RemoveDirectory() => _dir.Delete(recursive: true);

    private async Task<(int Code, JsonArray Reports, string Output)> ExploreAsync(string name, bool forceRewritten, params string[] more)
    {
        var json = Path.Combine(_dir.FullName, name + ".json");
        var args = new[] { Path.Combine(Bin, "SimHarness.dll"), "explore" }.Concat(more)
            .Concat(["--json", json, "--traces", Path.Combine(_dir.FullName, name)]);
        var env = new Dictionary<string, string> { [AssemblyCopies.ForceRewrittenVariable] = forceRewritten ? "1" : "" };
        var (code, stdout, stderr) = await ExternalProcess.RunAsync("dotnet", Bin, args, Slow, env);
        var reports = File.Exists(json) ? JsonNode.Parse(File.ReadAllText(json))!.AsArray() : [];
        return (code, reports, stdout + stderr);
    }

    // What a search found, without what depends on the code that ran it (time, the copy, trace folders).
    private static string Findings(JsonArray reports) =>
        string.Join("\n", reports.Select(r =>
        {
            var o = r!.AsObject().DeepClone().AsObject();
            foreach (var key in o.Select(p => p.Key).Where(k => k is "code" or "elapsedMs" || k.StartsWith("estimate", StringComparison.Ordinal)).ToList())
            {
                o.Remove(key);
            }

            foreach (var v in o["violations"]!.AsArray())
            {
                v!["trace"] = Path.GetFileName((string?)v["trace"]);
            }

            return o.ToJsonString();
        }));

    private static IEnumerable<string?> Lines(JsonArray reports, string scenario) =>
        reports.Single(r => (string?)r!["scenario"] == scenario)!["outcomes"]![0]!["output"]!.AsArray().Select(l => (string?)l);

    [Test]
    public void Build_KeepsTheCompiledCopies_BesideTheRewrittenOnes()
    {
        foreach (var name in new[] { "SimCore.dll", "Scenarios.dll" })
        {
            var rewritten = Path.Combine(Bin, name);
            var compiled = Path.Combine(Bin, AssemblyCopies.FolderName, name);

            Assert.Multiple(() =>
            {
                Assert.That(AssemblyCopies.IsRewritten(rewritten), Is.True, rewritten);
                Assert.That(File.Exists(compiled) && !AssemblyCopies.IsRewritten(compiled), Is.True, compiled);
                Assert.That(AssemblyCopies.AsCompiled(rewritten), Is.EqualTo(compiled));
            });
        }

        // An assembly that was never rewritten is its own compiled copy.
        var plain = typeof(CliUserScenario).Assembly.Location;
        Assert.That(AssemblyCopies.AsCompiled(plain), Is.EqualTo(plain));
    }

    [Test]
    public void Describe_NamesEachCopy_WhenSimCoreAndTheScenarioDiffer()
    {
        // This process runs the rewritten SimCore; the test assembly is never rewritten.
        Assert.Multiple(() =>
        {
            Assert.That(AssemblyCopies.Describe(typeof(Scenarios.Threading.EventRetryLimit).Assembly), Is.EqualTo("rewritten for Coyote"));
            Assert.That(AssemblyCopies.Describe(typeof(CliUserScenario).Assembly), Is.EqualTo("SimCore rewritten for Coyote, SimCore.Tests.dll as compiled"));
        });
    }

    [Test]
    public async Task Explore_RunsAsCompiled_AndFindsWhatTheRewrittenCodeFinds()
    {
        string[] scenarios = ["ZooLostUpdate", "EventRetryLimitGivesUpEarly", "EchoUpperFixed", "GeventEatPlay"];

        var compiled = await ExploreAsync("compiled", forceRewritten: false, scenarios);
        var rewritten = await ExploreAsync("rewritten", forceRewritten: true, scenarios);

        Assert.Multiple(() =>
        {
            Assert.That(compiled.Code, Is.EqualTo(rewritten.Code), compiled.Output);
            Assert.That(compiled.Reports.Select(r => (string?)r!["code"]), Is.All.EqualTo("as compiled"), compiled.Output);
            Assert.That(rewritten.Reports.Select(r => (string?)r!["code"]), Is.All.EqualTo("rewritten for Coyote"), rewritten.Output);
            Assert.That(compiled.Reports, Has.Count.EqualTo(scenarios.Length));
            Assert.That(compiled.Reports.Sum(r => r!["violations"]!.AsArray().Count), Is.GreaterThan(0), "the comparison covers violations");
            Assert.That(Findings(compiled.Reports), Is.EqualTo(Findings(rewritten.Reports)));
        });
    }

    [Test]
    public async Task Explore_WithACoyoteStrategy_StaysOnTheRewrittenCode()
    {
        var (code, reports, output) = await ExploreAsync("coyote", forceRewritten: false, "EventCheckConnect", "--strategy", "coyote-random", "--iterations", "5");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output);
            Assert.That(reports.Select(r => (string?)r!["code"]), Is.EqualTo(Rewritten), output);
        });
    }

    [Test]
    public async Task Explore_UserAssembly_LoadsIntoTheCompiledContext_WithItsDependencies()
    {
        // The test assembly references SimCore and NUnit: SimCore binds to the compiled copy, NUnit
        // (not a dependency of the command) is found beside the assembly.
        var (code, reports, output) = await ExploreAsync("user", forceRewritten: false,
            "CliUserScenario", "CliDependencyScenario", "--param", "lines=2", "--assembly", typeof(CliUserScenario).Assembly.Location);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output);
            Assert.That(reports.Select(r => (string?)r!["code"]), Is.EqualTo(BothCompiled), output);
            Assert.That(Lines(reports, "CliUserScenario"), Is.EqualTo(TwoLines), output);
            Assert.That(Lines(reports, "CliDependencyScenario"), Is.EqualTo(UsesNUnit), output);
        });
    }
}
