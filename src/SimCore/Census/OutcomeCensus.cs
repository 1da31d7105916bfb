using SimHarness.Catalog;
using SimHarness.Exploration;

namespace SimHarness.Census;

/// <summary>
/// The distinct outcomes of a complete exhaustive exploration at pinned parameters: every transcript
/// (rule 9 of docs/semantics.md) and every violation (invariant and message), each sorted, so that two censuses compare as sets.
/// </summary>
/// <remarks>Schedule counts are left out on purpose: they measure the reduction, not the scenario.</remarks>
public sealed class OutcomeCensus
{
    /// <summary>The value of the <c>format</c> field of every census file.</summary>
    public const string FormatName = "simharness-census";

    /// <summary>The only strategy a census is taken with.</summary>
    public const string Strategy = "exhaustive";

    /// <summary>The scenario's name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Every parameter's value as <c>--param</c> writes it, sorted by name.</summary>
    public required IReadOnlyDictionary<string, string> Params { get; init; }

    /// <summary>Distinct transcripts, sorted ordinally by their lines.</summary>
    public required IReadOnlyList<IReadOnlyList<string>> Outcomes { get; init; }

    /// <summary>Distinct violations, sorted by invariant then message.</summary>
    public required IReadOnlyList<Violation> Violations { get; init; }

    /// <summary>The census of a complete exhaustive exploration whose outcomes were not capped.</summary>
    public static OutcomeCensus From(ExplorationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Strategy != Strategy || !report.Complete || report.OutcomesTruncated)
        {
            throw new UsageException($"{report.Scenario}: a census needs a complete exhaustive exploration with every outcome listed (strategy {report.Strategy}, complete: {(report.Complete ? "true" : "false")}); drop --iterations/--time-limit");
        }

        return new OutcomeCensus
        {
            Scenario = report.Scenario,
            Params = new SortedDictionary<string, string>(
                report.Params.ToDictionary(kv => kv.Key, kv => ParamInfo.Format(kv.Value)), StringComparer.Ordinal),
            Outcomes = report.Outcomes.Select(o => (IReadOnlyList<string>)o.Output.ToArray()).Order(TranscriptComparer.Instance).ToArray(),
            Violations = report.Violations.Select(v => new Violation(v.Invariant, v.Message))
                .OrderBy(v => v.Invariant, StringComparer.Ordinal).ThenBy(v => v.Message, StringComparer.Ordinal).ToArray(),
        };
    }

    /// <summary>What <paramref name="actual"/> has that this census lacks (added) and lacks that this has (missing).</summary>
    public CensusDiff Compare(OutcomeCensus actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var expectedOutcomes = Outcomes.Select(Key).ToHashSet(StringComparer.Ordinal);
        var actualOutcomes = actual.Outcomes.Select(Key).ToHashSet(StringComparer.Ordinal);
        return new CensusDiff(
            actual.Outcomes.Where(o => !expectedOutcomes.Contains(Key(o))).ToArray(),
            Outcomes.Where(o => !actualOutcomes.Contains(Key(o))).ToArray(),
            actual.Violations.Except(Violations).ToArray(),
            Violations.Except(actual.Violations).ToArray());
    }

    // Lines never hold '\n' on their own (an output line is one line), so joining on it is a faithful key.
    private static string Key(IReadOnlyList<string> transcript) => string.Join('\n', transcript);

    private sealed class TranscriptComparer : IComparer<IReadOnlyList<string>>
    {
        public static readonly TranscriptComparer Instance = new();

        public int Compare(IReadOnlyList<string>? x, IReadOnlyList<string>? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
            {
                var c = string.CompareOrdinal(x[i], y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}
