using FsCheck;
using FsCheck.Fluent;
using SimHarness.Catalog;
using SimHarness.Exploration;

namespace SimHarness.Tests.Properties;

/// <summary>
/// "For all parameters, in all interleavings, this holds": FsCheck draws scenario cases and each
/// one is explored by the built-in exhaustive explorer (with reduction) within a schedule budget.
/// </summary>
/// <remarks>
/// A case that fails is explored again with traces on, so the failure names the shrunk parameters,
/// the trace of the run that shows it and the command that replays it. A case whose exploration hit
/// the budget is still checked (a counterexample found is real) and its failure says it was
/// incomplete; properties that claim something exists in some interleaving should require
/// <see cref="ExplorationReport.Complete"/>.
/// </remarks>
internal static class ScenarioProperty
{
    /// <summary>Schedules one case may take before its exploration stops, incomplete.</summary>
    public const long DefaultBudget = 10_000;

    private static readonly IReadOnlyList<ScenarioInfo> s_catalog =
        ScenarioCatalog.Discover([typeof(Scenarios.Threading.EventRetryLimit).Assembly]);

    /// <summary>Where failing cases' traces go: kept after the run so the replay command works.</summary>
    public static string TracesDirectory { get; } = Path.Combine(Path.GetTempPath(), "simharness-properties");

    /// <summary>For every case <paramref name="cases"/> draws, <paramref name="check"/> holds of its exhaustive exploration.</summary>
    public static Property ForAll(Arbitrary<ScenarioCase> cases, Func<ScenarioCase, ExplorationReport, Verdict> check, long budget = DefaultBudget) =>
        ForAll(cases, c => c, check, budget);

    /// <summary>As <see cref="ForAll(Arbitrary{ScenarioCase}, Func{ScenarioCase, ExplorationReport, Verdict}, long)"/>, for cases of the caller's own type.</summary>
    public static Property ForAll<T>(Arbitrary<T> cases, Func<T, ScenarioCase> toCase, Func<T, ExplorationReport, Verdict> check, long budget = DefaultBudget) =>
        ForAll(cases, toCase, check, budget, stopOnFirst: false);

    /// <summary>Every case holds the scenario's own invariants in every interleaving (no deadlock, no step-bound, nothing of its own).</summary>
    /// <remarks>Each exploration stops at its first violation: one is enough to refute the case.</remarks>
    public static Property HoldsItsInvariants(Arbitrary<ScenarioCase> cases, long budget = DefaultBudget) =>
        ForAll(cases, c => c, (_, r) => Verdict.Require(r.Violations.Count == 0, r.Violations.Count == 0 ? "" : $"{r.Violations[0].Invariant}: {r.Violations[0].Message}"), budget, stopOnFirst: true);

    /// <summary>Explores one case exhaustively within <paramref name="budget"/> schedules; with <paramref name="traces"/>, writes the traces there.</summary>
    public static ExplorationReport Explore(ScenarioCase c, long budget, string? traces, bool stopOnFirst = false)
    {
        var info = ScenarioCatalog.Find(s_catalog, c.Scenario);
        return Explorer.Explore(info, c.Resolve(info), new ExplorationOptions
        {
            Iterations = budget,
            TracesDirectory = traces,
            OutcomeTraces = traces is not null,
            MaxOutcomes = int.MaxValue,
            StopOnFirst = stopOnFirst,
        });
    }

    private static Property ForAll<T>(Arbitrary<T> cases, Func<T, ScenarioCase> toCase, Func<T, ExplorationReport, Verdict> check, long budget, bool stopOnFirst) =>
        Prop.ForAll(cases, value =>
        {
            var c = toCase(value);
            var verdict = check(value, Explore(c, budget, null, stopOnFirst));
            return verdict.Holds.Label(verdict.Holds ? "" : Describe(c, verdict, budget, stopOnFirst));
        });

    /// <summary>The failure report: the case, what is wrong, the trace of a run that shows it and how to replay it.</summary>
    private static string Describe(ScenarioCase c, Verdict verdict, long budget, bool stopOnFirst)
    {
        var dir = Path.Combine(TracesDirectory, c.Scenario, Slug(c.ParamText));
        var report = Explore(c, budget, dir, stopOnFirst);
        var trace = verdict.Witness is null
            ? report.Violations.FirstOrDefault()?.Trace
            : report.Outcomes.FirstOrDefault(o => verdict.Witness(o.Output))?.Trace;
        var lines = new List<string>
        {
            $"case: {c.Scenario} --param \"{c.ParamText}\"",
            $"fails: {verdict.Message}",
            $"explored: {report.Schedules} schedules, " + (report.Complete ? "complete" : stopOnFirst && report.Violations.Count > 0 ? "stopped at the first violation" : $"incomplete (budget {budget})"),
        };
        if (trace is not null)
        {
            lines.Add($"trace: {trace}");
            lines.Add($"replay: dotnet run --project src/SimHarness -c Release -- replay \"{trace}\"");
        }
        else
        {
            lines.Add($"explore: dotnet run --project src/SimHarness -c Release -- explore {c.Scenario} --param \"{c.ParamText}\"");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Slug(string paramText) =>
        paramText.Length == 0 ? "defaults" : string.Concat(paramText.Select(ch => char.IsLetterOrDigit(ch) || ch is '.' or '=' ? ch : '_'));
}
