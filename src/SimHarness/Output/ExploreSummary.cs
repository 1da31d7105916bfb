using System.Globalization;
using SimHarness.Exploration;

namespace SimHarness.Cli.Output;

/// <summary>What a CI job needs from one <c>explore</c>: each report's verdict, why a search was cut short, and the closing line.</summary>
internal static class ExploreSummary
{
    /// <summary>
    /// Whether a report is what was expected. A whole search's verdict is the report's own; a shard
    /// may hold none of a broken twin's violations, so a shard is judged only on unexpected ones
    /// (<c>merge</c> judges the whole search).
    /// </summary>
    public static bool AsExpected(ExplorationReport r) =>
        r.Shard is null ? r.AsExpected : r.ExpectedViolation is not null || r.Violations.Count == 0;

    /// <summary>Why an exhaustive search did not finish (the option that stopped it), or null when it finished or samples.</summary>
    public static string? CutShort(ExplorationReport r, ExplorationOptions options, bool cancelled)
    {
        if (r.Complete || r.Strategy != "exhaustive")
        {
            return null;
        }

        if (options.Iterations is { } cap && r.Schedules >= cap)
        {
            return "--iterations";
        }

        if (options.StopOnFirst && r.Violations.Count > 0)
        {
            return "--stop-on-first";
        }

        return cancelled ? "Ctrl-C" : options.TimeLimit is not null ? "--time-limit" : "the search's own bound";
    }

    /// <summary>For a preemption-bounded search, <c> preemptionBound=K</c> (or <c>=none</c> when no bound finished) and whether no run was cut; empty otherwise.</summary>
    public static string BoundSuffix(ExplorationReport r) => r.UnboundedComplete is { } whole
        ? string.Create(CultureInfo.InvariantCulture, $" preemptionBound={(r.PreemptionBound is { } k ? k.ToString(CultureInfo.InvariantCulture) : "none")} unboundedComplete={(whole ? "true" : "false")}")
        : "";

    /// <summary>The closing line, e.g. <c>31 scenarios, 31 as expected</c>, then what was not as expected and what was cut short.</summary>
    public static string Line(IReadOnlyList<ExplorationReport> reports, ExplorationOptions options, bool cancelled)
    {
        var ok = reports.Count(AsExpected);
        var text = string.Create(CultureInfo.InvariantCulture, $"{reports.Count} scenario{(reports.Count == 1 ? "" : "s")}, {ok} as expected");
        var unexpected = reports.Where(r => !AsExpected(r)).Select(r => r.Scenario).ToList();
        if (unexpected.Count > 0)
        {
            text += $" (not: {string.Join(", ", unexpected)})";
        }

        var cut = reports
            .Select(r => (r.Scenario, Why: CutShort(r, options, cancelled)))
            .Where(x => x.Why is not null)
            .GroupBy(x => x.Why!, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} cut short by {g.Key} ({string.Join(", ", g.Select(x => x.Scenario))})"))
            .ToList();
        if (cut.Count > 0)
        {
            text += "; incomplete: " + string.Join("; ", cut);
        }
        else if (reports.Count > 0 && reports.All(r => r.Complete))
        {
            text += "; every search complete";
            var bounded = reports.Where(r => r.UnboundedComplete == false).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Scenario} <= {r.PreemptionBound}")).ToList();
            if (bounded.Count > 0)
            {
                // A bounded search's completeness covers its bound only: the line must not read as a proof.
                text += $", within a preemption bound only: {string.Join(", ", bounded)}";
            }
        }

        return text;
    }
}
