namespace SimHarness.Tests;

/// <summary>Runs a python3 program for the tests that take CPython, greenlet or gevent as the oracle.</summary>
internal static class PythonProcess
{
    private static readonly Dictionary<string, string> s_utf8 = new() { ["PYTHONIOENCODING"] = "utf-8" };

    /// <summary>Runs <paramref name="python"/> with <paramref name="args"/> in <paramref name="workingDirectory"/>; kills it after <paramref name="timeout"/>.</summary>
    public static Task<(int Code, string Stdout, string Stderr)> RunAsync(string python, string workingDirectory, IEnumerable<string> args, TimeSpan timeout) =>
        ExternalProcess.RunAsync(python, workingDirectory, args, timeout, s_utf8);
}
