using SimHarness.Simulation;

namespace SimHarness.Exploration.Parallel;

/// <summary>Replays a prefix and stops at the decision after it, recording what that decision chooses between.</summary>
internal sealed class FrontierProbe(IReadOnlyList<FrontierStep> prefix) : IScheduleStrategy
{
    private int _depth;
    private bool _stopAtNextThread;

    /// <summary>The threads parked at the decision after the prefix, ordered by id; null if that decision was not a thread choice.</summary>
    public SimThread[]? Candidates { get; private set; }

    /// <summary>The number of values of the decision after the prefix, when it was a data choice; else 0.</summary>
    public int ValueCount { get; private set; }

    /// <summary>True when the run ended without a decision after the prefix: the prefix is a whole run.</summary>
    public bool IsLeaf => Candidates is null && ValueCount == 0;

    public SimThread? PickThread(IReadOnlyList<SimThread> candidates)
    {
        if (_stopAtNextThread)
        {
            return null;
        }

        if (_depth == prefix.Count)
        {
            Candidates = [.. candidates];
            return null;
        }

        var step = prefix[_depth++];
        return step.Kind == DecisionKind.Thread ? candidates.FirstOrDefault(c => c.Id == step.Chosen) ?? throw NotReplayable() : throw NotReplayable();
    }

    public int PickValue(int count, string what)
    {
        if (_depth > prefix.Count || _stopAtNextThread)
        {
            return 0;
        }

        if (_depth == prefix.Count)
        {
            // A data choice cannot abandon the run: take 0 and stop at the next scheduling point.
            ValueCount = count;
            _stopAtNextThread = true;
            _depth++;
            return 0;
        }

        var step = prefix[_depth++];
        return step.Kind == DecisionKind.Value && step.Count == count ? step.Chosen : throw NotReplayable();
    }

    private InvalidOperationException NotReplayable() =>
        new($"nondeterministic scenario: replaying frontier decision {_depth} found other choices");
}
