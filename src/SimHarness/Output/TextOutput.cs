using System.Globalization;

namespace SimHarness.Cli.Output;

/// <summary>The plain-text form of a run: one line per output line, then the violations.</summary>
internal static class TextOutput
{
    /// <summary>Writes each line as <c>time s [thread] text</c>.</summary>
    public static void Lines(TextWriter w, IEnumerable<OutputLine> lines)
    {
        foreach (var l in lines)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{l.Seconds,10:0.000000}s  [{l.Thread}] {l.Text}"));
        }
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
