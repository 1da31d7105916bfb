using System.Globalization;
using System.Text;
using static SimHarness.Tracing.Timeline.TimelineLayout;
using static SimHarness.Tracing.Timeline.TimelineText;

namespace SimHarness.Tracing.Timeline;

/// <summary>Writes a <see cref="Timeline"/> as one self-contained HTML page (inline CSS, SVG and script; no external URL).</summary>
internal static class TimelineHtml
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The page for the trace's timeline.</summary>
    public static string Render(Timeline t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var trace = t.Trace;
        var b = new StringBuilder(4096 + (t.Steps.Count * 400));
        var title = $"{trace.Scenario} — timeline";
        b.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        b.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        b.Append("<title>").Append(Escape(title)).Append("</title>\n");
        b.Append("<style>\n").Append(TimelineStyle.Css).Append("\n</style>\n</head>\n");
        b.Append(Inv, $"<body style=\"min-width: {Width(t.Lanes.Count)}px\" data-scenario=\"{Escape(trace.Scenario)}\" data-lanes=\"{t.Lanes.Count}\" data-steps=\"{t.Steps.Count}\">\n");
        Header(b, t);
        LaneHeaders(b, t);
        TimelineSvg.Write(b, t);
        b.Append("<script>\n").Append(TimelineStyle.Script).Append("\n</script>\n</body>\n</html>\n");
        return b.ToString();
    }

    private static void Header(StringBuilder b, Timeline t)
    {
        var trace = t.Trace;
        b.Append("<header>\n<h1>").Append(Escape(trace.Scenario)).Append("</h1>\n");
        var ps = string.Join(", ", trace.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var end = t.Steps.Count == 0 ? 0 : t.Steps[^1].Event.TimeMicros;
        b.Append("<div class=\"meta\">")
            .Append(Escape($"{(ps.Length == 0 ? "no parameters" : ps)} · {trace.Engine} {trace.Strategy} · {t.Steps.Count} events · {t.Lanes.Count} lanes · {Seconds(end)} s of virtual time"))
            .Append("</div>\n");
        if (trace.Violation is { } v)
        {
            var at = t.ViolationStep is { } s ? $" (marked at step {s})" : "";
            b.Append(Inv, $"<div class=\"banner\" data-violation-banner=\"{Escape(v.Invariant)}\"><b>✖ {Escape(v.Invariant)}</b>{Escape(at)}: {Escape(v.Message)}</div>\n");
        }
        else
        {
            b.Append("<div class=\"ok\">no violation: the run ended normally</div>\n");
        }

        b.Append("<div class=\"legend\">")
            .Append("<span><i class=\"swatch wake\"></i>wake (set, notify, release… → the thread it woke)</span>")
            .Append("<span><i class=\"swatch message\"></i>message (send → recv)</span>")
            .Append("<span><i class=\"swatch switch\"></i>switch (control moves between greenlets)</span>")
            .Append("<span>virtual time runs downwards; hover a step for details, click a lane to isolate it</span>")
            .Append("</div>\n</header>\n");
    }

    private static void LaneHeaders(StringBuilder b, Timeline t)
    {
        b.Append(Inv, $"<div class=\"lanes\" style=\"width: {Width(t.Lanes.Count)}px\">");
        b.Append(Inv, $"<div class=\"axis\" style=\"width: {AxisWidth}px\">step · time</div>");
        foreach (var l in t.Lanes)
        {
            var kind = l.Greenlet is null ? "thread" : "greenlet";
            var sub = l.Greenlet is null ? "thread" : "greenlet in " + l.Thread;
            b.Append(Inv, $"<div class=\"lane {kind}\" data-lane=\"{l.Index}\" data-thread=\"{Escape(l.Thread)}\"");
            if (l.Greenlet is not null)
            {
                b.Append(" data-greenlet=\"").Append(Escape(l.Greenlet)).Append('"');
            }

            b.Append(Inv, $" style=\"width: {LaneWidth}px\" title=\"{Escape(l.Name)}\"><b>{Escape(l.Name)}</b><small>{Escape(sub)}</small></div>");
        }

        b.Append("</div>\n");
    }
}
