using SimHarness.Exploration;

namespace SimHarness.Cli.Output;

/// <summary>
/// Workflow commands GitHub Actions turns into annotations on the run's summary page: an error
/// per scenario that is not as expected, a warning per search cut short. Written to stdout only
/// when the <c>GITHUB_ACTIONS</c> variable is <c>true</c>, as GitHub sets it in every job.
/// </summary>
internal static class GitHubAnnotations
{
    /// <summary>True inside a GitHub Actions job.</summary>
    public static bool Enabled => Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";

    /// <summary>The annotation lines for these reports.</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<ExplorationReport> reports, ExplorationOptions options, bool cancelled)
    {
        foreach (var r in reports)
        {
            if (!ExploreSummary.AsExpected(r))
            {
                var v = r.Violations.FirstOrDefault(v => v.Invariant != r.ExpectedViolation);
                yield return v is not null
                    ? $"::error title={Property($"{r.Scenario}: violation {v.Invariant}")}::{Data(v.Message + (v.Trace is null ? "" : $" (trace: {v.Trace.Replace('\\', '/')})"))}"
                    : $"::error title={Property($"{r.Scenario}: expected violation missing")}::{Data($"expected {r.ExpectedViolation}, found none (complete: {(r.Complete ? "true" : "false")})")}";
            }

            if (ExploreSummary.CutShort(r, options, cancelled) is { } why)
            {
                yield return $"::warning title={Property($"{r.Scenario}: search incomplete")}::{Data($"cut short by {why} after {r.Schedules} schedules (complete: false)")}";
            }
        }
    }

    // GitHub's escaping of workflow command values: data escapes %, CR and LF; properties also : and ,.
    private static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
}
