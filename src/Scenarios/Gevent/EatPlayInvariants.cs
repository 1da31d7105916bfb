namespace SimHarness.Scenarios.Gevent;

/// <summary>Invariants shared by the eat/play scenarios, stated over a run's output.</summary>
internal static class EatPlayInvariants
{
    /// <summary>The transcript is exactly <paramref name="lines"/>.</summary>
    public static string? ExactTranscript(IReadOnlyList<OutputLine> output, params string[] lines)
    {
        var got = output.Select(o => o.Text).ToArray();
        return got.SequenceEqual(lines) ? null : $"transcript was [{string.Join(" | ", got)}], expected [{string.Join(" | ", lines)}]";
    }

    /// <summary>Each greenlet prints "1" at time 0 and "2" after its sleep; nothing else.</summary>
    public static IEnumerable<Invariant> Timed(string eater, string player, decimal eatSleep, decimal playSleep) =>
    [
        // Reads the output and whether the run is simulated, which every run of a search shares.
        new("lines-at-their-times", "eat 1 and play 1 at 0 s, play 2 after play's sleep, eat 2 after eat's sleep", r =>
            At(r, $"{eater} eat 1", 0) ?? At(r, $"{player} play 1", 0) ?? At(r, $"{player} play 2", playSleep) ?? At(r, $"{eater} eat 2", eatSleep))
        {
            ReadsOutputOnly = true,
        },
    ];

    /// <summary>The two greenlets print under two distinct Dummy-N names, each the same for both its lines.</summary>
    public static string? StableDummyNames(IReadOnlyList<OutputLine> output)
    {
        string? NameOf(string suffix) => output.FirstOrDefault(o => o.Text.EndsWith(suffix, StringComparison.Ordinal))?.Text[..^suffix.Length];
        var eat1 = NameOf(" eat 1");
        var eat2 = NameOf(" eat 2");
        var play1 = NameOf(" play 1");
        var play2 = NameOf(" play 2");
        return eat1 is null || eat1 != eat2 || play1 != play2 || eat1 == play1 || !eat1.StartsWith("Dummy-", StringComparison.Ordinal)
            ? $"names were eat: {eat1}/{eat2}, play: {play1}/{play2}"
            : null;
    }

    private static string? At(RunRecord r, string text, decimal seconds)
    {
        var lines = r.Output.Where(o => o.Text == text).ToArray();
        // Virtual time is exact; wall time on the real backend only comes close (scheduling, JIT).
        var tolerance = r.Simulated ? 0m : 0.25m;
        return lines.Length != 1 ? $"'{text}' printed {lines.Length} times"
            : Math.Abs(lines[0].Seconds - seconds) > tolerance ? $"'{text}' printed at {lines[0].Seconds} s, expected {seconds} s"
            : null;
    }
}
