namespace SimHarness.Scenarios.Threading;

/// <summary>Broken twin of <see cref="EventRetryLimit"/>: it gives up one attempt early.</summary>
[ExpectedToFail("gives-up-after-attempts")]
public sealed class EventRetryLimitGivesUpEarly : EventRetryLimit
{
    /// <inheritdoc />
    public override string Description => "broken twin of EventRetryLimit: `if count == attempts` gives up one attempt early";

    /// <inheritdoc />
    protected override int GiveUpAt => Attempts;
}
