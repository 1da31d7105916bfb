namespace SimHarness;

/// <summary>Marks a scenario whose exploration must find a violation (a broken twin or a zoo bug).</summary>
/// <param name="invariant">The invariant the exploration must find violated.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ExpectedToFailAttribute(string invariant) : Attribute
{
    /// <summary>The invariant expected to be violated.</summary>
    public string Invariant { get; } = invariant;
}
