namespace SimHarness.Tests.Properties;

/// <summary>What a property says about one explored case: it holds, or it fails with a message and a way to pick the run that shows it.</summary>
/// <param name="Holds">True when the case has the property.</param>
/// <param name="Message">Why it does not (empty when it holds).</param>
/// <param name="Witness">Picks the transcript that shows the failure; null means the first violation found.</param>
internal sealed record Verdict(bool Holds, string Message, Func<IReadOnlyList<string>, bool>? Witness)
{
    /// <summary>The case has the property.</summary>
    public static Verdict Pass { get; } = new(true, "", null);

    /// <summary>Holds when <paramref name="condition"/> does; otherwise fails with <paramref name="message"/>, shown by a run whose transcript <paramref name="witness"/> accepts.</summary>
    public static Verdict Require(bool condition, string message, Func<IReadOnlyList<string>, bool>? witness = null) =>
        condition ? Pass : new(false, message, witness);
}
