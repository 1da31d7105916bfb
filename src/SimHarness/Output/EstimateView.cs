using System.CommandLine;
using System.Globalization;
using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Exploration.Estimation;

namespace SimHarness.Cli.Output;

/// <summary><c>explore --estimate</c> and <c>--probes</c>: Knuth's size estimate of the unreduced search, alone or before a search.</summary>
internal static class EstimateView
{
    private const double Year = 365.25 * 86_400;

    /// <summary>Probes of <c>explore --estimate</c> unless <c>--probes</c> says otherwise.</summary>
    public const int DefaultProbes = 1000;

    /// <summary>Probes before an exhaustive search unless <c>--probes</c> says otherwise (a budget of 1 s caps them).</summary>
    public const int DefaultProbesBeforeSearch = 100;

    /// <summary>How long <c>explore --estimate</c> probes one scenario unless <c>--time-limit</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(3);

    /// <summary>The closing note: what the numbers are of.</summary>
    public const string Note =
        "estimates are of the unreduced schedule tree: explore --no-reduction makes that many runs; " +
        "with the reduction (the default) a search makes at most about that many, often far fewer";

    /// <summary>The <c>--estimate</c> flag.</summary>
    public static Option<bool> EstimateOption() => new("--estimate")
    {
        Description = "print only an estimate of the size of the exhaustive search without reduction (Knuth's estimator over random probes: " +
                      "the estimate, its 95% range, the time per run and the estimated time) and exit; --time-limit bounds the probing (default 3 s per scenario)",
    };

    /// <summary>The <c>--probes</c> option.</summary>
    public static Option<int?> ProbesOption() => new("--probes")
    {
        Description = $"random probes for the size estimate: default {DefaultProbes} with --estimate; before an exhaustive search " +
                      $"(estimatedSchedules in --json, the estimated end in the progress bar) default {DefaultProbesBeforeSearch}, stopping after 1 s, 0 for none",
        HelpName = "N",
    };

    /// <summary>Refuses, with one line, each option given that <c>--estimate</c> would ignore.</summary>
    public static void Refuse(ParseResult p, IEnumerable<Option> ignored)
    {
        foreach (var o in ignored)
        {
            if (p.GetResult(o) is { Implicit: false })
            {
                throw new UsageException($"--estimate prints only the size estimate: {o.Name} does not apply to it");
            }
        }
    }

    /// <summary>The options of <c>--estimate</c>: the probe count and budget, the explore options' seed and step bound.</summary>
    public static ExplorationOptions Options(ExplorationOptions options, int? probes, bool timeLimitGiven)
    {
        if (options.Strategy != "exhaustive")
        {
            throw new UsageException($"--estimate sizes the exhaustive search, not --strategy {options.Strategy}");
        }

        if (probes is < 1)
        {
            throw new UsageException($"--probes must be at least 1 with --estimate, got {probes}");
        }

        return options with
        {
            EstimateProbes = probes ?? DefaultProbes,
            EstimateBudget = timeLimitGiven ? options.TimeLimit!.Value : DefaultBudget,
        };
    }

    /// <summary>Probes made before a search: by default some for an exhaustive search, none for a sampling one.</summary>
    public static int ProbesBeforeSearch(string strategy, int? probes)
    {
        if (probes is < 0)
        {
            throw new UsageException($"--probes must be at least 0, got {probes}");
        }

        if (probes is > 0 && strategy != "exhaustive")
        {
            throw new UsageException($"--probes sizes the exhaustive search, not --strategy {strategy}");
        }

        return strategy == "exhaustive" ? probes ?? DefaultProbesBeforeSearch : 0;
    }

    /// <summary>Estimates each scenario in turn and prints one line for each, then the note; exit 0, or 3 when stopped.</summary>
    public static int Run(CliContext ctx, IReadOnlyList<(ScenarioInfo Info, IReadOnlyDictionary<string, object> Values)> runs, ExplorationOptions options)
    {
        options = options with { Cancellation = ctx.Cancellation };
        foreach (var (info, values) in runs)
        {
            if (Explorer.Estimate(info, values, options) is not { } e)
            {
                ctx.Out.WriteLine("stopped early: no estimate");
                return ExitCodes.Interrupted;
            }

            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{info.Name}: estimatedSchedules={Count(e.Schedules)} low={Count(e.Low)} high={Count(e.High)} probes={e.Probes} msPerRun={e.MillisecondsPerRun:0.###} estimatedTime={Duration(e.EstimatedSeconds)} tree=unreduced"));
        }

        ctx.Out.WriteLine(Note);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The progress bar's words for a search with an estimate: how many runs of about how many, and the
    /// estimated time left at the rate measured so far. Under the reduction the projection from the
    /// search's own progress (<see cref="ExplorationProgress.Projected"/>) replaces Knuth's upper bound once
    /// part of the tree is behind the search.
    /// </summary>
    public static string Progress(ExplorationProgress p, TimeSpan searching)
    {
        if (ByShare(p) && p.Projected is { } projected && searching > TimeSpan.Zero)
        {
            var share = p.Searched!.Value;
            return $" of ~{Count(projected)} (projected), {Duration(searching.TotalSeconds * (1 - share) / share)} left";
        }

        if (p.Estimate is not { } e)
        {
            return "";
        }

        var bound = p.EstimateIsUpperBound ? "<=" : "";
        if (p.Schedules == 0 || searching <= TimeSpan.Zero)
        {
            return $" of {bound}~{Count(e.Schedules)}";
        }

        if (p.Schedules > e.High)
        {
            return $" of ~{Count(e.Schedules)} (past the estimate's range)";
        }

        var left = Math.Max(0, e.Schedules - p.Schedules) * searching.TotalSeconds / p.Schedules;
        return $" of {bound}~{Count(e.Schedules)}, {bound}{Duration(left)} left";
    }

    /// <summary>True when the bar measures the search's own progress: it has a share behind it and no unreduced estimate of the very tree it searches.</summary>
    public static bool ByShare(ExplorationProgress p) => p.Searched is > 0 && (p.Estimate is null || p.EstimateIsUpperBound);

    /// <summary>A count for people: whole up to 10^15, then in scientific notation (the tree may dwarf a long).</summary>
    public static string Count(double n) =>
        n < 1e15 ? Math.Round(n).ToString("0", CultureInfo.InvariantCulture) : n.ToString("0.##e+0", CultureInfo.InvariantCulture);

    /// <summary>A duration in seconds for people: milliseconds, seconds, minutes, hours, days or years.</summary>
    public static string Duration(double seconds) => seconds switch
    {
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:0}ms"),
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.#}s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#}min"),
        < 172_800 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#}h"),
        < 2 * Year => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86_400:0.#}d"),
        _ => Count(seconds / Year) + "y",
    };
}
