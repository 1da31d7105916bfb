using SimHarness.Exploration.Dpor;

namespace SimHarness.Exploration.Parallel;

/// <summary>One decision of a frontier prefix: a thread choice with its siblings and sleep set, or a data choice.</summary>
/// <param name="Kind">Thread or value.</param>
/// <param name="Chosen">The thread id, or the value.</param>
/// <param name="Count">A data choice's number of values (0 for a thread choice).</param>
/// <param name="Ids">A thread choice's parked threads, by id.</param>
/// <param name="Steps">Their pending steps.</param>
/// <param name="Sleep">The sleep set at this decision.</param>
/// <param name="Done">The siblings ordered before <paramref name="Chosen"/>, and itself.</param>
internal sealed record FrontierStep(DecisionKind Kind, int Chosen, int Count, int[] Ids, DporStep[] Steps, IReadOnlyDictionary<int, DporStep> Sleep, int[] Done)
{
    public static FrontierStep Value(int count, int value) => new(DecisionKind.Value, value, count, [], [], new Dictionary<int, DporStep>(), []);

    /// <summary>A fresh search node for this step (nodes are mutable, so every search gets its own).</summary>
    public DporNode ToNode() => Kind == DecisionKind.Value
        ? DporNode.FixedValue(Count, Chosen)
        : DporNode.FixedThread(Ids, Steps, Chosen, new Dictionary<int, DporStep>(Sleep), Done);
}
