using System.Globalization;
using System.Text;
using static SimHarness.Tracing.Timeline.TimelineLayout;
using static SimHarness.Tracing.Timeline.TimelineText;

namespace SimHarness.Tracing.Timeline;

/// <summary>Draws the chart of a <see cref="Timeline"/> as inline SVG: lifelines, step boxes, arrows, marks.</summary>
internal static class TimelineSvg
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Appends the <c>&lt;svg&gt;</c> element to <paramref name="b"/>.</summary>
    public static void Write(StringBuilder b, Timeline t)
    {
        var width = Width(t.Lanes.Count);
        var height = Height(t.Steps.Count);
        b.Append(Inv, $"<svg class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n");
        b.Append("<defs>");
        foreach (var kind in Enum.GetValues<TimelineArrowKind>())
        {
            var k = Kind(kind);
            b.Append(Inv, $"<marker id=\"head-{k}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path class=\"head {k}\" d=\"M0,0 L10,5 L0,10 z\"/></marker>");
        }

        b.Append("</defs>\n");
        Grid(b, t, width);
        Lifelines(b, t, height);
        foreach (var s in t.Steps)
        {
            Step(b, t, s, width);
        }

        foreach (var a in t.Arrows)
        {
            Arrow(b, t, a);
        }

        b.Append("</svg>\n");
    }

    /// <summary>Lane separators and the time axis: step numbers, and the virtual time wherever it changes.</summary>
    private static void Grid(StringBuilder b, Timeline t, int width)
    {
        for (var l = 0; l <= t.Lanes.Count; l++)
        {
            var x = AxisWidth + (l * LaneWidth);
            b.Append(Inv, $"<line class=\"sep\" x1=\"{x}\" y1=\"0\" x2=\"{x}\" y2=\"{Height(t.Steps.Count)}\"/>");
        }

        long? previous = null;
        foreach (var s in t.Steps)
        {
            var y = RowY(s.Index);
            b.Append(Inv, $"<text class=\"stepno\" x=\"6\" y=\"{y + 4}\">{s.Index}</text>");
            if (s.Event.TimeMicros != previous)
            {
                b.Append(Inv, $"<text class=\"time\" x=\"{AxisWidth - 8}\" y=\"{y + 4}\" text-anchor=\"end\">{Escape(Seconds(s.Event.TimeMicros))} s</text>");
                if (previous is not null && !s.IsTimeAdvance)
                {
                    b.Append(Inv, $"<line class=\"timerule\" x1=\"0\" y1=\"{y - (RowHeight / 2.0)}\" x2=\"{width}\" y2=\"{y - (RowHeight / 2.0)}\"/>");
                }

                previous = s.Event.TimeMicros;
            }
        }

        b.Append('\n');
    }

    /// <summary>A thin line through each lane from its first step to its last; a dashed tail for a lane still blocked at the end.</summary>
    private static void Lifelines(StringBuilder b, Timeline t, int height)
    {
        foreach (var lane in t.Lanes)
        {
            var rows = t.Steps.Where(s => s.Lane == lane.Index).Select(s => s.Index).ToArray();
            var x = LaneX(lane.Index);
            b.Append(Inv, $"<line class=\"lifeline\" x1=\"{x}\" y1=\"{RowY(rows[0])}\" x2=\"{x}\" y2=\"{RowY(rows[^1])}\"/>");
            if (t.BlockedAtEnd.Contains(lane.Index))
            {
                var y = RowY(rows[^1]) + (BoxHeight / 2.0);
                b.Append(Inv, $"<line class=\"forever\" data-blocked-lane=\"{lane.Index}\" x1=\"{x}\" y1=\"{y}\" x2=\"{x}\" y2=\"{height - 14}\"/>");
                b.Append(Inv, $"<text class=\"forever-label\" x=\"{x}\" y=\"{height - 3}\" text-anchor=\"middle\">blocked at the end</text>");
            }
        }

        b.Append('\n');
    }

    private static void Step(StringBuilder b, Timeline t, TimelineStep s, int width)
    {
        var y = RowY(s.Index);
        var e = s.Event;
        var tip = Escape($"#{s.Index} {e}");
        if (s.IsTimeAdvance)
        {
            b.Append(Inv, $"<g class=\"tick\" data-step=\"{s.Index}\"><title>{tip}</title>");
            b.Append(Inv, $"<line x1=\"{AxisWidth}\" y1=\"{y}\" x2=\"{width}\" y2=\"{y}\"/>");
            b.Append(Inv, $"<text x=\"{AxisWidth + 8}\" y=\"{y + 4}\">{Escape(Label(e))}</text></g>\n");
            return;
        }

        var classes = "step " + Category(e);
        var marks = "";
        if (s.Index == t.ViolationStep)
        {
            classes += " violation";
            marks += $" data-violation=\"{Escape(t.Trace.Violation!.Invariant)}\"";
        }

        if (t.ImplicatedSteps.Contains(s.Index))
        {
            classes += " implicated";
            marks += " data-implicated=\"true\"";
        }

        var x = LaneX(s.Lane) - (BoxWidth / 2.0);
        b.Append(Inv, $"<g class=\"{classes}\" data-step=\"{s.Index}\" data-in-lane=\"{s.Lane}\" data-op=\"{Escape(e.Op)}\"{marks}><title>{tip}</title>");
        b.Append(Inv, $"<rect x=\"{x}\" y=\"{y - (BoxHeight / 2.0)}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"4\"/>");
        b.Append(Inv, $"<text x=\"{x + 5}\" y=\"{y + 4}\">{Escape(Fit(Label(e), BoxWidth - 10))}</text>");
        if (s.Index == t.ViolationStep)
        {
            // Beside the box, on its left in the last lane, where the right would be off the chart.
            var last = s.Lane == t.Lanes.Count - 1;
            var (lx, anchor) = last ? (x - 4, "end") : (x + BoxWidth + 4, "start");
            b.Append(Inv, $"<text class=\"violation-label\" x=\"{lx}\" y=\"{y + 4}\" text-anchor=\"{anchor}\">✖ {Escape(t.Trace.Violation!.Invariant)}</text>");
        }

        b.Append("</g>\n");
    }

    private static void Arrow(StringBuilder b, Timeline t, TimelineArrow a)
    {
        var from = t.Steps[a.From];
        var to = t.Steps[a.To];
        var (x1, y1) = (LaneX(from.Lane), RowY(a.From));
        var (x2, y2) = (LaneX(to.Lane), RowY(a.To));
        string d;
        if (from.Lane == to.Lane)
        {
            // Same lane (a thread talking to itself): a loop on the right of the boxes.
            var xr = x1 + (BoxWidth / 2.0);
            d = string.Create(Inv, $"M{xr},{y1} C{xr + 28},{y1} {xr + 28},{y2} {xr},{y2}");
        }
        else
        {
            var dir = x2 > x1 ? 1 : -1;
            var (sx, ex) = (x1 + (dir * BoxWidth / 2.0), x2 - (dir * BoxWidth / 2.0));
            var bend = Math.Max(24, Math.Abs(ex - sx) / 3);
            d = string.Create(Inv, $"M{sx},{y1} C{sx + (dir * bend)},{y1} {ex - (dir * bend)},{y2} {ex},{y2}");
        }

        var k = Kind(a.Kind);
        var tip = Escape($"{k}: #{a.From} {from.Event.Op} → #{a.To} {to.Event.Op}");
        b.Append(Inv, $"<path class=\"arrow {k}\" data-arrow=\"{k}\" data-from=\"{a.From}\" data-to=\"{a.To}\" d=\"{d}\" marker-end=\"url(#head-{k})\"><title>{tip}</title></path>\n");
    }

    private static string Kind(TimelineArrowKind kind) => kind switch
    {
        TimelineArrowKind.Wake => "wake",
        TimelineArrowKind.Message => "message",
        _ => "switch",
    };

    /// <summary>The box's colour class: output, blocking, wake-up, thread life, or any other step.</summary>
    private static string Category(TraceEvent e) => e switch
    {
        { Op: "print" } => "out",
        { Result: "blocked" } => "blocked",
        { Op: "wake" } => "woken",
        { Op: "create" or "start" or "finish" or "spawn" } => "life",
        _ => "op",
    };
}
