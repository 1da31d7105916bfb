using SimHarness.Tracing;

namespace SimHarness.Exploration;

/// <summary>Gathers distinct transcripts and distinct violations over an exploration, writing traces for the first of each.</summary>
internal sealed class OutcomeCollector(ExplorationReport report, ExplorationOptions options)
{
    private readonly Dictionary<string, OutcomeEntry?> _outcomes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), ViolationEntry> _violations = [];

    public long ViolatingRuns { get; private set; }

    /// <summary>Adds one finished run; returns true when it violated an invariant.</summary>
    public bool Add(RunRecord record, Func<string, string?> writeTrace)
    {
        var key = string.Join('\n', record.Transcript);
        if (_outcomes.TryGetValue(key, out var entry))
        {
            if (entry is not null)
            {
                entry.Count++;
            }
        }
        else if (_outcomes.Count < options.MaxOutcomes)
        {
            entry = new OutcomeEntry(record.Transcript.ToArray(), 1, writeTrace("outcome"));
            _outcomes[key] = entry;
            report.Outcomes.Add(entry);
        }
        else
        {
            _outcomes[key] = null;
            report.OutcomesTruncated = true;
        }

        report.DistinctOutputs = _outcomes.Count;
        if (record.Violations.Count == 0)
        {
            return false;
        }

        ViolatingRuns++;
        var v = record.Violations[0];
        var vkey = (v.Invariant, v.Message);
        if (_violations.TryGetValue(vkey, out var ve))
        {
            ve.Count++;
        }
        else if (_violations.Count < options.MaxOutcomes)
        {
            ve = new ViolationEntry(v.Invariant, v.Message, writeTrace("violation"), 1);
            _violations[vkey] = ve;
            report.Violations.Add(ve);
        }

        return true;
    }
}
