using SimHarness.Catalog;
using SimHarness.Tracing;

namespace SimHarness.Cli;

/// <summary>What the verbs read, checked before use, and what they write, checked not to be what they read.</summary>
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

    private static string Resolved(string path)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target ? Path.GetFullPath(target.FullName) : full;
    }
}
