namespace SimHarness.Shrinking;

/// <summary>What taking a nonzero choice at a decision costs in <see cref="ShrinkSize"/>.</summary>
internal enum ChoiceCost : byte
{
    /// <summary>Nothing: the previous thread cannot run, so any thread may go next for free.</summary>
    None,

    /// <summary>A preemption: the previous thread could have gone on.</summary>
    Preemption,

    /// <summary>A fault: a data choice other than 0.</summary>
    Fault,
}
