using SimHarness.Tracing;

namespace SimHarness.Shrinking;

/// <summary>What <see cref="TraceShrinker.Shrink"/> produced.</summary>
/// <param name="Trace">The shrunk trace (the input's decisions when nothing smaller was found).</param>
/// <param name="Before">Size of the input run.</param>
/// <param name="After">Size of the shrunk run.</param>
/// <param name="Runs">Candidate runs tried.</param>
/// <param name="BudgetExhausted">True when the budget ran out before a fixpoint was reached.</param>
/// <param name="FromCoyote">True when the input was a Coyote trace, converted to built-in decisions first (<see cref="Before"/> is that run's size).</param>
public sealed record ShrinkResult(Trace Trace, ShrinkSize Before, ShrinkSize After, int Runs, bool BudgetExhausted, bool FromCoyote = false);
