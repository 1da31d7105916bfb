namespace SimHarness.Exploration;

/// <summary>One built-in run: its record and the decisions that produced it.</summary>
/// <param name="Record">Output, event log and violations.</param>
/// <param name="Decisions">Every decision in order: a thread id for a scheduling choice, the value for a data choice.</param>
/// <param name="Pruned">True when the strategy abandoned the run (the reduction proved it redundant).</param>
internal sealed record RunResult(RunRecord Record, IReadOnlyList<Decision> Decisions, bool Pruned);

/// <summary>One decision of a run.</summary>
/// <param name="Kind">Thread choice or data choice.</param>
/// <param name="Value">The chosen thread's id, or the chosen value.</param>
internal readonly record struct Decision(DecisionKind Kind, int Value);

/// <summary>What a decision chose.</summary>
internal enum DecisionKind : byte
{
    Thread,
    Value,
}
