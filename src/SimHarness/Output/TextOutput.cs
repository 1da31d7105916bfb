using System.Globalization;

namespace SimHarness.Cli.Output;

/// <summary>The plain-text form of a run: one line per output line, then the violations.</summary>
internal static class TextOutput
{
    /// <summary>Writes each line as <c>time  thread  text</c>, time in seconds, columns aligned.</summary>
    public static void Lines(TextWriter w, IReadOnlyList<OutputLine> lines)
    {
        // As many decimals as the most precise time needs, the same for every line: whole virtual
        // seconds print as "3", wall-clock times all get their microseconds.
        var decimals = lines.Select(l => Decimals(l.TimeMicros)).DefaultIfEmpty(0).Max();
        var format = decimals == 0 ? "0" : "0." + new string('0', decimals);
        var times = lines.Select(l => l.Seconds.ToString(format, CultureInfo.InvariantCulture)).ToArray();
        var timeWidth = Math.Max(6, times.Select(t => t.Length).DefaultIfEmpty(0).Max());
        var threadWidth = lines.Select(l => l.Thread.Length).DefaultIfEmpty(0).Max();
        for (var i = 0; i < lines.Count; i++)
        {
            w.WriteLine($"{times[i].PadLeft(timeWidth)}  {lines[i].Thread.PadRight(threadWidth)}  {lines[i].TranscriptText}");
        }
    }

    private static int Decimals(long micros)
    {
        var digits = 6;
        for (var rest = micros % 1_000_000; digits > 0 && rest % 10 == 0; rest /= 10)
        {
            digits--;
        }

        return digits;
    }

    /// <summary>Writes each violation as <c>VIOLATION invariant: message</c>.</summary>
    public static void Violations(TextWriter w, IEnumerable<Violation> violations)
    {
        foreach (var v in violations)
        {
            w.WriteLine($"VIOLATION {v.Invariant}: {v.Message.ReplaceLineEndings(" ")}");
        }
    }
}
