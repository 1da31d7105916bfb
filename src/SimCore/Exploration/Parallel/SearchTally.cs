using System.Security.Cryptography;
using System.Text;

namespace SimHarness.Exploration.Parallel;

/// <summary>
/// What a built-in exploration found, shared by the workers of a split search: distinct transcripts
/// and violations with their counts, listed in a fixed order (ordinal by text) so that the report
/// does not depend on which worker found what first.
/// </summary>
internal sealed class SearchTally(int limit)
{
    private static readonly IComparer<(string, string)> s_violationOrder = Comparer<(string, string)>.Create(static (a, b) =>
    {
        var c = string.CompareOrdinal(a.Item1, b.Item1);
        return c != 0 ? c : string.CompareOrdinal(a.Item2, b.Item2);
    });

    private readonly object _gate = new();
    private RankedTally<string> _outcomes = new(StringComparer.Ordinal, limit);
    private RankedTally<(string Invariant, string Message)> _violations = new(s_violationOrder, limit);
    private long _schedules;
    private long _violatingRuns;

    public long Schedules => Interlocked.Read(ref _schedules);

    public long ViolatingRuns => Interlocked.Read(ref _violatingRuns);

    public int DistinctOutputs
    {
        get
        {
            lock (_gate)
            {
                return _outcomes.Distinct;
            }
        }
    }

    /// <summary>Forgets every run: a search that starts again from the root (ExhaustiveSearch.Pilot.cs) counts its own runs only.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _outcomes = new(StringComparer.Ordinal, limit);
            _violations = new(s_violationOrder, limit);
            Interlocked.Exchange(ref _schedules, 0);
            Interlocked.Exchange(ref _violatingRuns, 0);
        }
    }

    /// <summary>Counts a run started (pruned or not); returns the new total.</summary>
    public long CountSchedule() => Interlocked.Increment(ref _schedules);

    /// <summary>Adds a finished run found at <paramref name="position"/> of the search; true when it violated an invariant.</summary>
    public bool Add(RunResult run, long position)
    {
        var record = run.Record;
        var key = string.Join('\n', record.Transcript);
        lock (_gate)
        {
            _outcomes.Add(key, position, run);
            if (record.Violations.Count == 0)
            {
                return false;
            }

            var v = record.Violations[0];
            _violations.Add((v.Invariant, v.Message), position, run);
        }

        Interlocked.Increment(ref _violatingRuns);
        return true;
    }

    /// <summary>Fills the report's findings, writing a trace for each listed outcome and violation.</summary>
    /// <param name="report">The report to fill.</param>
    /// <param name="writeTrace">Writes one run's trace of the given kind; returns its path or null.</param>
    /// <param name="digests">Also list a digest of every distinct transcript (a shard's report, for <c>merge</c>).</param>
    public void Fill(ExplorationReport report, Func<RunResult, string, string?> writeTrace, bool digests)
    {
        lock (_gate)
        {
            report.Schedules = Schedules;
            report.DistinctOutputs = _outcomes.Distinct;
            foreach (var (_, count, run) in _outcomes.Listed())
            {
                report.Outcomes.Add(new OutcomeEntry(run.Record.Transcript.ToArray(), count, writeTrace(run, "outcome")));
            }

            report.OutcomesTruncated = report.Outcomes.Count < _outcomes.Distinct;
            foreach (var (key, count, run) in _violations.Listed())
            {
                report.Violations.Add(new ViolationEntry(key.Invariant, key.Message, writeTrace(run, "violation"), count));
            }

            if (digests)
            {
                report.OutputDigests = _outcomes.Keys.Select(Digest).Order(StringComparer.Ordinal).ToArray();
            }
        }
    }

    /// <summary>A transcript's digest: the first 128 bits of the SHA-256 of its lines joined by newlines, in hex.</summary>
    public static string Digest(string transcriptKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(transcriptKey)).AsSpan(0, 16));
}
