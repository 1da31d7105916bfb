using SimHarness.Catalog;
using SimHarness.Tracing;

namespace SimHarness.Cli;

/// <summary>What the verbs read, checked before use, and what they write, checked before the work to be writable and not to be what they read.</summary>
internal static class Inputs
{
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

    /// <summary>Refuses, before any work is done, an output file that cannot be one: an existing directory, or a path under an existing file.</summary>
    public static void OutputFile(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"{what} {path} is a directory: give a file name");
        }

        NotUnderAFile(path, what);
    }

    /// <summary>Refuses, before any work is done, an output directory that cannot be one: an existing file, or a path under an existing file.</summary>
    public static void OutputDirectory(string path, string what)
    {
        if (File.Exists(path))
        {
            throw new UsageException($"{what} {path} is a file: give a directory");
        }

        NotUnderAFile(path, what);
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
