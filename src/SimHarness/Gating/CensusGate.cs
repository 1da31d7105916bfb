using System.CommandLine;
using SimHarness.Catalog;
using SimHarness.Census;
using SimHarness.Exploration;

namespace SimHarness.Cli.Gating;

/// <summary>
/// <c>explore --census PATH [--census-update]</c>: pins each scenario to its census's parameters, then
/// compares the exploration's distinct outcomes with the census (or rewrites it).
/// </summary>
/// <remarks>
/// PATH ending in <c>.json</c> is one scenario's census file; anything else is a directory of
/// <c>&lt;Scenario&gt;.census.json</c> files. Comparing explores at the census's parameters; a <c>--param</c>
/// that contradicts them is refused (exit 1), so a census is never compared with another configuration.
/// Updating keeps an existing census's parameters (overridden by <c>--param</c>), else the explore defaults.
/// </remarks>
internal sealed class CensusGate
{
    private readonly string _path;
    private readonly bool _update;
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    private CensusGate(string path, bool update)
    {
        _path = path;
        _update = update;
    }

    /// <summary><c>--census PATH</c>.</summary>
    public static Option<string?> PathOption() => new("--census")
    {
        Description = "compare the distinct outcomes with a census: a .json file (one scenario) or a directory of <Scenario>.census.json; exits 2 naming each outcome added or missing",
        HelpName = "PATH",
    };

    /// <summary><c>--census-update</c>.</summary>
    public static Option<bool> UpdateOption() => new("--census-update")
    {
        Description = "write (overwrite) the census files named by --census instead of comparing",
    };

    /// <summary>The gate for these option values, or null when <c>--census</c> is not given.</summary>
    public static CensusGate? From(string? path, bool update, string strategy)
    {
        if (path is null)
        {
            return update ? throw new UsageException("--census-update needs --census PATH (a file or a directory such as traces/)") : null;
        }

        if (strategy != OutcomeCensus.Strategy)
        {
            throw new UsageException($"--census needs the exhaustive strategy (a census lists every outcome), not '{strategy}'");
        }

        return new CensusGate(path, update);
    }

    /// <summary>Options that list every outcome, so that the census is complete.</summary>
    public static ExplorationOptions Adjust(ExplorationOptions options) => options with { MaxOutcomes = int.MaxValue };

    /// <summary>Each scenario at its census's parameters (compare) or at the parameters to write (update).</summary>
    public List<(ScenarioInfo Info, IReadOnlyDictionary<string, object> Values)> Pin(
        IReadOnlyList<(ScenarioInfo Info, IReadOnlyDictionary<string, object> Values)> runs, IReadOnlyDictionary<string, string> overrides)
    {
        if (_path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && runs.Count != 1)
        {
            throw new UsageException($"--census {_path} is one scenario's census file; give a directory to gate {runs.Count} scenarios");
        }

        var pinned = new List<(ScenarioInfo, IReadOnlyDictionary<string, object>)>();
        foreach (var (info, values) in runs)
        {
            var file = _path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? _path : Path.Combine(_path, CensusJson.FileName(info.Name));
            _files[info.Name] = file;
            pinned.Add((info, _update ? ForUpdate(info, values, file, overrides) : ForCompare(info, values, file, overrides)));
        }

        return pinned;
    }

    /// <summary>Writes or compares every census; returns <see cref="ExitCodes.Violation"/> when one differs.</summary>
    public int Finish(IEnumerable<ExplorationReport> reports, TextWriter output)
    {
        var code = ExitCodes.Ok;
        foreach (var report in reports)
        {
            var actual = OutcomeCensus.From(report);
            var file = _files[report.Scenario];
            if (_update)
            {
                CensusJson.Save(actual, file);
                output.WriteLine($"census written: {file} ({actual.Outcomes.Count} outcomes, {actual.Violations.Count} violations)");
                continue;
            }

            var diff = CensusJson.Load(file).Compare(actual);
            if (diff.IsEmpty)
            {
                output.WriteLine($"census matches: {report.Scenario} ({actual.Outcomes.Count} outcomes, {actual.Violations.Count} violations)");
                continue;
            }

            code = ExitCodes.Violation;
            output.WriteLine($"census differs: {report.Scenario} ({file}); if the change is intended, rerun with --census-update");
            foreach (var line in diff.Lines())
            {
                output.WriteLine("  " + line);
            }
        }

        return code;
    }

    private static IReadOnlyDictionary<string, object> ForCompare(ScenarioInfo info, IReadOnlyDictionary<string, object> values, string file, IReadOnlyDictionary<string, string> overrides)
    {
        var census = CensusJson.Load(file);
        if (census.Scenario != info.Name)
        {
            throw new UsageException($"census {file} is the census of {census.Scenario}, not of {info.Name}");
        }

        var pinned = Resolve(info, census.Params, file);
        foreach (var k in overrides.Keys.Where(pinned.ContainsKey))
        {
            if (ParamInfo.Format(pinned[k]) != ParamInfo.Format(values[k]))
            {
                throw new UsageException($"census {file} pins {k}={ParamInfo.Format(pinned[k])} but --param gives {k}={ParamInfo.Format(values[k])}: drop --param, or rewrite the census with --census-update");
            }
        }

        return pinned;
    }

    private static IReadOnlyDictionary<string, object> ForUpdate(ScenarioInfo info, IReadOnlyDictionary<string, object> values, string file, IReadOnlyDictionary<string, string> overrides)
    {
        if (!File.Exists(file))
        {
            return values;
        }

        // Keep the parameters the census was taken at (small enough to explore fast), unless --param changes them.
        var kept = new Dictionary<string, string>(CensusJson.Load(file).Params, StringComparer.Ordinal);
        var merged = new Dictionary<string, object>(Resolve(info, kept, file), StringComparer.Ordinal);
        foreach (var k in overrides.Keys.Where(merged.ContainsKey))
        {
            merged[k] = values[k];
        }

        return merged;
    }

    private static IReadOnlyDictionary<string, object> Resolve(ScenarioInfo info, IReadOnlyDictionary<string, string> census, string file)
    {
        try
        {
            return info.ResolveParams(census);
        }
        catch (UsageException ex)
        {
            throw new UsageException($"census {file}: {ex.Message}", ex);
        }
    }
}
