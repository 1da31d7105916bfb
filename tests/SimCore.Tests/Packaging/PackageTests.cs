using System.Globalization;
using System.Text.Json.Nodes;

namespace SimHarness.Tests.Packaging;

/// <summary>
/// The packages used from outside the repository, as a newcomer would: pack SimHarness.Core and
/// SimHarness.Tool into a temporary folder, write a scenario project in a temporary directory that
/// references the package by version (restoring from that folder and the usual registry), and check
/// that it builds, that Task.Delay in it is a build error, that it is rewritten for Coyote, that the
/// installed tool explores, replays and shrinks it, and that its NUnit tests using SimAssert fail
/// on the bug with the trace path and pass on the fixed twin.
/// </summary>
[NonParallelizable]
public class PackageTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(10);

    private DirectoryInfo _root = null!;
    private string _version = "";
    private string _feed = "";
    private string _project = "";

    private static Dictionary<string, string> Env => new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["COYOTE_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_ROLL_FORWARD"] = "Major",
        ["MSBUILDDISABLENODEREUSE"] = "1",
    };

    private string Dll => Path.Combine(_project, "bin", "Release", "net10.0", UserProject.Name + ".dll");

    private static async Task<(int Code, string Out)> Dotnet(string? cwd, params string[] args)
    {
        var (code, stdout, stderr) = await ExternalProcess.RunAsync("dotnet", cwd, args, Slow, Env);
        return (code, stdout + stderr);
    }

    [OneTimeSetUp]
    public async Task PackAndBuildUserProject()
    {
        _root = Directory.CreateTempSubdirectory("simharness-package-");
        Assume.That(RepoPaths.Root, Does.Not.StartWith(_root.FullName));

        // A version no earlier run used: no package cache ever serves a stale build.
        _version = "0.1.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        _feed = Directory.CreateDirectory(Path.Combine(_root.FullName, "feed")).FullName;
        foreach (var project in new[] { "src/SimCore/SimCore.csproj", "src/SimHarness/SimHarness.csproj" })
        {
            var (code, output) = await Dotnet(RepoPaths.Root, "pack", project, "-c", "Release", "--no-build", "-o", _feed, "-p:PackageVersion=" + _version);
            Assert.That(code, Is.Zero, output);
        }

        _project = Directory.CreateDirectory(Path.Combine(_root.FullName, UserProject.Name)).FullName;
        var machineCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(_root.FullName, "nuget.config"), UserProject.NuGetConfig(_feed, Path.Combine(_root.FullName, "packages"), machineCache));
        File.WriteAllText(Path.Combine(_project, UserProject.Name + ".csproj"), UserProject.Csproj(_version));
        File.WriteAllText(Path.Combine(_project, "StartOnce.cs"), UserProject.Scenarios);
        File.WriteAllText(Path.Combine(_project, "StartOnceTests.cs"), UserProject.Tests);

        var (toolCode, toolOut) = await Dotnet(_root.FullName, "tool", "install", "SimHarness.Tool", "--version", _version, "--tool-path", Path.Combine(_root.FullName, "tools"), "--add-source", _feed);
        Assert.That(toolCode, Is.Zero, toolOut);
    }

    [OneTimeTearDown]
    public void Cleanup() => _root.Delete(recursive: true);

    private async Task<(int Code, string Out)> Build()
    {
        var result = await Dotnet(_project, "build", "-c", "Release");
        return result;
    }

    private async Task<(int Code, string Out)> Tool(params string[] args)
    {
        var (code, stdout, stderr) = await ExternalProcess.RunAsync(Path.Combine(_root.FullName, "tools", "simharness"), _root.FullName, args, Slow, Env);
        return (code, stdout + stderr);
    }

    [Test, Order(1)]
    public async Task UserProject_WithOnlyAPackageReference_BuildsAndIsRewritten()
    {
        var (code, output) = await Build();

        Assert.That(code, Is.Zero, output);
        var (coyote, coyoteOut) = await Dotnet(_project, "tool", "exec", "microsoft.coyote.cli@1.7.11", "--allow-roll-forward", "-y", "--", "test", Dll, "-m", "StartOnce", "-i", "100");
        Assert.Multiple(() =>
        {
            Assert.That(coyoteOut, Does.Contain("Found 1 bug"), coyoteOut);
            Assert.That(coyoteOut, Does.Not.Contain("not rewritten").IgnoreCase, coyoteOut);
            Assert.That(coyote, Is.Not.Zero);
        });
    }

    [Test, Order(2)]
    public async Task UserProject_TaskDelayInSimulatedCode_IsABuildError()
    {
        var escape = Path.Combine(_project, "Sleeper.cs");
        File.WriteAllText(escape, UserProject.Escape);
        try
        {
            var (code, output) = await Build();

            Assert.Multiple(() =>
            {
                Assert.That(code, Is.Not.Zero);
                Assert.That(output, Does.Contain("RS0030").And.Contain("Task.Delay"));
            });
        }
        finally
        {
            File.Delete(escape);
        }
    }

    [Test, Order(3)]
    public async Task InstalledTool_ExploresReplaysAndShrinksTheUserScenario()
    {
        Assert.That((await Build()).Code, Is.Zero);
        var json = Path.Combine(_root.FullName, "report.json");

        var explore = await Tool("explore", "StartOnce", "StartOnceFixed", "--assembly", Dll, "--traces", Path.Combine(_root.FullName, "traces"), "--json", json);

        var reports = JsonNode.Parse(File.ReadAllText(json))!.AsArray();
        var trace = (string)reports[0]!["violations"]![0]!["trace"]!;
        var replay = await Tool("replay", trace, "--assembly", Dll);
        var shrink = await Tool("shrink", trace, "--assembly", Dll, "-o", Path.Combine(_root.FullName, "small.json"));
        Assert.Multiple(() =>
        {
            Assert.That(explore.Code, Is.EqualTo(2), explore.Out);
            Assert.That(explore.Out, Does.Contain("2 scenarios, 1 as expected (not: StartOnce)"));
            Assert.That((bool)reports[1]!["asExpected"]!, Is.True);
            // The tool carries SimCore as compiled and the user's build kept its assembly as compiled.
            Assert.That(reports.Select(r => (string?)r!["code"]), Is.All.EqualTo("as compiled"), explore.Out);
            Assert.That(replay.Code, Is.EqualTo(2), replay.Out);
            Assert.That(replay.Out, Does.Contain("replay matches the recorded run"));
            Assert.That(shrink.Code, Is.Zero, shrink.Out);
            Assert.That(shrink.Out, Does.Contain("started-once reproduced"));
        });
    }

    [Test, Order(4)]
    public async Task UserNUnitTests_SimAssertFailsOnTheBugWithTheTracePathAndPassesOnTheFix()
    {
        var (code, output) = await Dotnet(_project, "test", "-c", "Release");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Not.Zero, output);
            Assert.That(output, Does.Contain("StartOnce_HoldsInEveryInterleaving"));
            Assert.That(output, Does.Contain("broke invariant 'started-once'"));
            Assert.That(output, Does.Match(@"trace: \S*simharness-traces\S*StartOnce-exhaustive-violation-\w+\.json"));
            Assert.That(output, Does.Contain("replay: simharness replay"));
            Assert.That(output, Does.Match(@"Failed:\s*1, Passed:\s*1"));
        });
    }
}
