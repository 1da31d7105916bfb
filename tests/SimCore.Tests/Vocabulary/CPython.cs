using System.Collections.Concurrent;

namespace SimHarness.Tests.Vocabulary;

/// <summary>Runs the programs in tests/SimCore.Tests/Vocabulary/python with python3, once per test run: their output is the expected output of the C# twins.</summary>
internal static class CPython
{
    private static readonly ConcurrentDictionary<string, Lazy<string[]>> s_outputs = new(StringComparer.Ordinal);
    private static readonly Lazy<string?> s_unavailable = new(FindProblem);

    /// <summary>The programs' folder.</summary>
    public static string Directory => Path.Combine(RepoPaths.Root, "tests", "SimCore.Tests", "Vocabulary", "python");

    /// <summary>Skips the calling test, with the reason, when python3 cannot run here.</summary>
    public static void RequireAvailable()
    {
        if (s_unavailable.Value is { } reason)
        {
            Assert.Ignore(reason);
        }
    }

    /// <summary>The program's stdout lines (trailing spaces kept: Python prints <c>"Empty: "</c>).</summary>
    public static string[] Output(string program) =>
        s_outputs.GetOrAdd(program, p => new Lazy<string[]>(() => Run(p + ".py"))).Value;

    private static string[] Run(string file)
    {
        var (code, stdout, stderr) = Exec(file);
        if (code != 0)
        {
            throw new InvalidOperationException($"python3 {file} exited with {code}: {stderr}");
        }

        return stdout.Split('\n')[..^1];
    }

    private static (int Code, string Stdout, string Stderr) Exec(params string[] args) =>
        PythonProcess.RunAsync("python3", Directory, args, TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();

    private static string? FindProblem()
    {
        try
        {
            return Exec("-c", "import threading, queue").Code == 0 ? null : "python3 cannot import threading and queue";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "python3 is not installed: the CPython comparisons of the threading vocabulary are skipped";
        }
    }
}
