using System.Globalization;
using System.Text;

namespace SimHarness.Tracing.Timeline;

/// <summary>Text as the timeline page shows it: escaped for HTML, control bytes made visible, cut to fit a box.</summary>
internal static class TimelineText
{
    /// <summary>Escapes <c>&amp; &lt; &gt; " '</c>: safe in element content and in quoted attributes.</summary>
    public static string Escape(string s)
    {
        var b = new StringBuilder(s.Length + 8);
        foreach (var c in Printable(s))
        {
            b.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return b.ToString();
    }

    /// <summary>Control characters (socket bytes can be anything) written as <c>\n</c>, <c>\x00</c>...</summary>
    public static string Printable(string s)
    {
        if (!s.Any(char.IsControl))
        {
            return s;
        }

        var b = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            b.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return b.ToString();
    }

    /// <summary>The short label of a step's box: operation, object, result and text.</summary>
    public static string Label(TraceEvent e)
    {
        if (e.Op == "tick")
        {
            return "virtual time advances to " + Seconds(e.TimeMicros) + " s (a timer is due)";
        }

        if (e is { Op: "print", Text: { } line })
        {
            // The box's colour already says "output": the line itself is what matters.
            return Printable("“" + line + "”");
        }

        if (e is { Op: "switch" or "throw" or "finalize", Target: { } to })
        {
            // Their result names the greenlet switching away, which the lane already shows.
            return Printable($"{e.Op} → {to}");
        }

        var s = e.Op;
        if (e.Target is not null)
        {
            s += " " + e.Target;
        }

        if (e.Result is not null)
        {
            s += " → " + e.Result;
        }

        if (e.Text is not null)
        {
            s += " “" + e.Text + "”";
        }

        return Printable(s);
    }

    /// <summary>Virtual time in seconds, up to 6 decimals (as output lines show it).</summary>
    public static string Seconds(long micros) =>
        (micros / 1_000_000m).ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Cuts <paramref name="s"/> with an ellipsis so that it fits about <paramref name="pixels"/> at the page's 11 px font.</summary>
    public static string Fit(string s, double pixels)
    {
        var width = 0.0;
        for (var i = 0; i < s.Length; i++)
        {
            width += Width(s[i]);
            if (width > pixels)
            {
                var cut = Math.Max(0, i - 1);
                if (cut > 0 && char.IsLowSurrogate(s[cut]))
                {
                    cut--;
                }

                return s[..cut] + "…";
            }
        }

        return s;
    }

    // Wide (CJK) characters take about twice the width of Latin ones.
    private static double Width(char c) => c < 0x1100 ? 6.4 : 11.5;
}
