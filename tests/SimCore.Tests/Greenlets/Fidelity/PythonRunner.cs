using System.Diagnostics;

namespace SimHarness.Tests.Greenlets.Fidelity;

/// <summary>Runs the Python programs of tests/fidelity with Debian's python3 (greenlet 2.0.2, gevent 22.10.2), all at once, once per test run.</summary>
internal static class PythonRunner
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> s_unavailable = new(CheckAvailable);
    private static readonly Dictionary<string, Task<string[]>> s_runs = [];
    private static readonly object s_gate = new();

    /// <summary>The directory holding the Python programs (tests/fidelity).</summary>
    public static string Directory { get; } = FindDirectory();

    /// <summary>Why the programs cannot run here, or null when they can.</summary>
    public static string? Unavailable => s_unavailable.Value;

    /// <summary>Skips the calling test, with the reason, where python3 or its modules are absent.</summary>
    public static void RequireAvailable()
    {
        if (Unavailable is { } reason)
        {
            Assert.Ignore(reason);
        }
    }

    /// <summary>The program's stdout lines; with <paramref name="timed"/>, each is "whole seconds TAB text" (every program runs under tests/fidelity/timed.py).</summary>
    public static string[] Output(string program, bool timed)
    {
        Task<string[]> run;
        lock (s_gate)
        {
            if (s_runs.Count == 0)
            {
                // The seed's programs mostly sleep (5 s each on the wall clock): start them at once. The
                // rule programs are short but timing-sensitive: run them one at a time beside them.
                var oneAtATime = new SemaphoreSlim(1);
                foreach (var file in System.IO.Directory.GetFiles(Directory, "*.py").Order(StringComparer.Ordinal).Where(f => !f.EndsWith("timed.py", StringComparison.Ordinal)))
                {
                    var name = Path.GetFileNameWithoutExtension(file);
                    s_runs[name] = SeedPrograms.Contains(name) ? RunAsync(["timed.py", name + ".py"]) : RunOneAtATimeAsync(oneAtATime, ["timed.py", name + ".py"]);
                }
            }

            run = s_runs[program];
        }

        var lines = run.GetAwaiter().GetResult();
        return timed ? lines : lines.Select(l => l[(l.IndexOf('\t', StringComparison.Ordinal) + 1)..]).ToArray();
    }

    /// <summary>The seed's programs (kept as the seed wrote them, line breaks restored).</summary>
    public static IReadOnlyList<string> SeedPrograms { get; } = ["greenlet_eat_play", "gevent_eat_play", "patched_eat_play", "patched_thread_names"];

    private static async Task<string[]> RunOneAtATimeAsync(SemaphoreSlim gate, string[] args)
    {
        await gate.WaitAsync();
        try
        {
            return await RunAsync(args);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<string[]> RunAsync(string[] args)
    {
        var (_, text, _) = await PythonProcess.RunAsync(Python, Directory, args, TimeSpan.FromSeconds(60));
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string? CheckAvailable()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} is absent: install Debian's python3-greenlet and python3-gevent to check fidelity";
        }

        var psi = new ProcessStartInfo(Python, ["-c", "import greenlet, gevent"]) { RedirectStandardError = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        p.StandardError.ReadToEnd();
        return p.WaitForExit(30_000) && p.ExitCode == 0
            ? null
            : $"{Python} lacks greenlet or gevent: apt-get install -y python3-greenlet python3-gevent";
    }

    private static string FindDirectory()
    {
        for (var d = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "tests", "fidelity");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/fidelity not found above the test directory");
    }
}
