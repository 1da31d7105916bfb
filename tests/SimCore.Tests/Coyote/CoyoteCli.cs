using System.Diagnostics;

namespace SimHarness.Tests.Coyote;

/// <summary>Runs the Coyote CLI (the repository's local dotnet tool) on the built Scenarios.dll.</summary>
internal static class CoyoteCli
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(90);
    private static readonly string[] s_tool = ["tool", "run", "coyote", "--"];

    /// <summary>The repository root (where the Coyote tool manifest is).</summary>
    public static string RepoRoot => RepoPaths.Root;

    /// <summary>
    /// The Scenarios.dll the CLI must load: the one in src/Scenarios/bin for the test's own
    /// configuration and framework. The copy in the test's bin has no Scenarios.deps.json beside
    /// it, so the CLI cannot resolve SimCore from there.
    /// </summary>
    public static string ScenariosDll
    {
        get
        {
            var bin = AppContext.BaseDirectory;
            var framework = Path.GetFileName(bin.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = Path.GetFileName(Path.GetDirectoryName(bin.TrimEnd(Path.DirectorySeparatorChar))!);
            return Path.Combine(RepoRoot, "src", "Scenarios", "bin", configuration, framework, "Scenarios.dll");
        }
    }

    // `dotnet tool run` needs the manifest's tools restored on this machine first (a fresh clone on a
    // fresh machine has not): once per test run, before the first call.
    private static readonly Lazy<(int ExitCode, string Output)> s_restore = new(() => Dotnet(["tool", "restore"], simParams: null));

    /// <summary>Runs <c>coyote</c> with <paramref name="args"/>; <paramref name="simParams"/> goes into SIMHARNESS_PARAMS.</summary>
    public static (int ExitCode, string Output) Run(string? simParams, params string[] args)
    {
        var (restored, restoreOutput) = s_restore.Value;
        Assert.That(restored, Is.Zero, $"dotnet tool restore failed: {restoreOutput}");
        var outDir = Path.Combine(Path.GetTempPath(), "simharness-coyote-cli", TestContext.CurrentContext.Test.ID);
        try
        {
            return Dotnet([.. s_tool, .. args, "-o", outDir], simParams);
        }
        finally
        {
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
        }
    }

    private static (int ExitCode, string Output) Dotnet(IEnumerable<string> args, string? simParams)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_ROLL_FORWARD"] = "Major";
        psi.Environment["COYOTE_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        if (simParams is null)
        {
            psi.Environment.Remove("SIMHARNESS_PARAMS");
        }
        else
        {
            psi.Environment["SIMHARNESS_PARAMS"] = simParams;
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(s_timeout))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', args)} did not finish within {s_timeout.TotalSeconds} s");
        }

        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
