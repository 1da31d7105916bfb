namespace SimHarness.Tests.Exploration;

/// <summary>
/// A hand-made scenario whose every transcript is allowed: the reduction tests compare only the
/// sets of transcripts (and violations) of two searches.
/// </summary>
internal abstract class AnyOutputScenario : Scenario
{
    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants => [Invariant.OverOutput("none", "holds", _ => null)];
}
