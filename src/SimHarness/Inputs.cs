using SimHarness.Catalog;
using SimHarness.Tracing;

namespace SimHarness.Cli;

/// <summary>What the verbs read, checked before use, and what they write, checked before the work to be writable and not to be what they read.</summary>
internal static class Inputs
{
    private static int s_probes;

    /// <summary>The trace at <paramref name="path"/>, its scenario known to <paramref name="catalog"/> and its parameters within their ranges.</summary>
    public static Trace Trace(string path, IReadOnlyList<ScenarioInfo> catalog)
    {
        var trace = TraceJson.Load(path);
        ScenarioInfo info;
        try
        {
            // A scenario missing from the catalog is usually the user's own: the message names its assembly.
            info = ScenarioCatalog.FindTraced(catalog, trace);
        }
        catch (UsageException ex)
        {
            throw new UsageException($"{path}: {ex.Message}", ex);
        }

        try
        {
            info.ResolveParams(trace.Params);
        }
        catch (UsageException ex)
        {
            throw new UsageException($"trace {path}: field 'params': {ex.Message}", ex);
        }

        return trace;
    }

    /// <summary>Refuses to write <paramref name="output"/> when it is one of <paramref name="inputs"/> (the same file, through links too).</summary>
    public static void NotAnInput(string output, string what, params string[] inputs)
    {
        var target = Resolved(output);
        foreach (var input in inputs)
        {
            if (string.Equals(target, Resolved(input), StringComparison.Ordinal))
            {
                throw new UsageException($"{what} {output} is the input file {input}: give another output file (an input is never overwritten)");
            }
        }
    }

    /// <summary>
    /// Refuses, before any work is done, an output file that cannot be one: an existing directory, a
    /// path under an existing file, an existing file that cannot be opened for writing, or a new file in
    /// a directory that cannot be made or written in.
    /// </summary>
    public static void OutputFile(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"{what} {path} is a directory: give a file name");
        }

        NotUnderAFile(path, what);
        if (File.Exists(path))
        {
            Writable(path, what, "", () => new FileStream(path, FileMode.Open, FileAccess.Write).Dispose());
        }
        else
        {
            CanWriteIn(Path.GetDirectoryName(Path.GetFullPath(path))!, path, what);
        }
    }

    /// <summary>
    /// Refuses, before any work is done, an output directory that cannot be one: an existing file, a
    /// path under an existing file, or a directory that cannot be made or written in.
    /// </summary>
    public static void OutputDirectory(string path, string what)
    {
        if (File.Exists(path))
        {
            throw new UsageException($"{what} {path} is a file: give a directory");
        }

        NotUnderAFile(path, what);
        CanWriteIn(Path.GetFullPath(path), path, what);
    }

    /// <summary>
    /// Checks that a file can be made in <paramref name="directory"/>, or, when it is not there yet, that
    /// it can be made: an output is written only at the end of the work (traces only when a run breaks
    /// something), and a directory that was not there stays not there. The check never makes the
    /// directory itself, only an entry of its own name in the deepest one that exists, which it removes:
    /// checks running at once (two processes of a bench script, or two calls in one process) cannot
    /// remove what another one is looking at.
    /// </summary>
    private static void CanWriteIn(string directory, string path, string what)
    {
        var existing = directory;
        while (!Directory.Exists(existing))
        {
            existing = Path.GetDirectoryName(existing)
                ?? throw new UsageException($"{what} {path} cannot be written: no directory on its path exists");
        }

        // The system's message would name the probe, not the output: the line says what it means.
        var probe = Path.Combine(existing, $".simharness-write-check-{Environment.ProcessId}-{Interlocked.Increment(ref s_probes)}");
        if (existing == directory)
        {
            Writable(path, what, $"no file can be made in {directory}", () => new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose).Dispose(), systemMessage: false);
        }
        else
        {
            // Whoever can make one directory in `existing` can make the rest of the path below it.
            Writable(path, what, $"the directory {directory} cannot be made: nothing can be made in {existing}", () =>
            {
                Directory.CreateDirectory(probe);
                Directory.Delete(probe);
            }, systemMessage: false);
        }
    }

    /// <summary>Runs <paramref name="attempt"/>; a failure to make or open a file or directory becomes one line naming the output.</summary>
    private static void Writable(string path, string what, string why, Action attempt, bool systemMessage = true)
    {
        try
        {
            attempt();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{what} {path} cannot be written: {why}{(systemMessage ? ex.Message : "")}", ex);
        }
    }

    private static void NotUnderAFile(string path, string what)
    {
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(path)); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
            {
                throw new UsageException($"{what} {path} cannot be written: {dir} is a file, not a directory");
            }

            if (Directory.Exists(dir))
            {
                return;
            }
        }
    }

    private static string Resolved(string path)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target ? Path.GetFullPath(target.FullName) : full;
    }
}
