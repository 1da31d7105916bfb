using System.Diagnostics;
using System.Text;

namespace SimHarness.Tests;

/// <summary>Runs a python3 program for the tests that take CPython, greenlet or gevent as the oracle.</summary>
internal static class PythonProcess
{
    /// <summary>Runs <paramref name="python"/> with <paramref name="args"/> in <paramref name="workingDirectory"/>; kills it after <paramref name="timeout"/>.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string python, string workingDirectory, IEnumerable<string> args, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(python)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{python} {string.Join(' ', psi.ArgumentList)} did not finish in {timeout.TotalSeconds} s");
        }

        return (p.ExitCode, await stdout, await stderr);
    }
}
