using System.Globalization;
using System.Text.Json.Nodes;
using SimHarness.Tracing;
using Spectre.Console;

namespace SimHarness.Cli.Output;

/// <summary>
/// The recorded and the replayed event logs side by side around the first diverging event: a table on a
/// terminal, aligned plain text when redirected, an object for <c>replay --json</c>.
/// </summary>
internal static class ReplayDiffView
{
    /// <summary>Events shown before and after the diverging one.</summary>
    private const int Context = 4;

    public static void Write(CliContext ctx, Trace trace, ReplayResult result)
    {
        var rows = Rows(trace, result);
        var header = Header(result);
        if (ctx.Interactive)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(ctx.Out) });
            console.MarkupLine(Markup.Escape(header));
            var table = new Table().Border(TableBorder.Rounded).AddColumns(
                new TableColumn(""), new TableColumn("#").RightAligned(), new TableColumn("recorded"), new TableColumn("replayed"));
            foreach (var r in rows)
            {
                var style = r.Diverges ? "red bold" : "default";
                table.AddRow(r.Diverges ? "[red]>[/]" : "", Num(r.Index), Cell(r.Recorded, style), Cell(r.Actual, style));
            }

            console.Write(table);
            return;
        }

        ctx.Out.WriteLine(header);
        var width = Math.Max("recorded".Length, rows.Select(r => DisplayWidth(Text(r.Recorded))).DefaultIfEmpty(0).Max());
        var numWidth = Math.Max(1, rows.Select(r => Num(r.Index).Length).DefaultIfEmpty(0).Max());
        ctx.Out.WriteLine($"   {"#".PadLeft(numWidth)}  {Pad("recorded", width)} | replayed");
        foreach (var r in rows)
        {
            var recorded = Text(r.Recorded);
            ctx.Out.WriteLine($"{(r.Diverges ? ">> " : "   ")}{Num(r.Index).PadLeft(numWidth)}  {Pad(recorded, width)} | {Text(r.Actual)}".TrimEnd());
        }
    }

    /// <summary>The <c>divergence</c> object of <c>replay --json</c>.</summary>
    public static JsonObject Json(Trace trace, ReplayResult result) => new()
    {
        ["index"] = result.DivergenceIndex,
        ["reason"] = result.Reason,
        ["events"] = new JsonArray(Rows(trace, result).Select(r => (JsonNode?)new JsonObject
        {
            ["i"] = r.Index,
            ["diverges"] = r.Diverges,
            ["recorded"] = EventJson(r.Recorded),
            ["replayed"] = EventJson(r.Actual),
        }).ToArray()),
    };

    private static string Header(ReplayResult r)
    {
        var where = r.Expected is null && r.Actual is null ? $"after event {r.DivergenceIndex}" : $"at event {r.DivergenceIndex}";
        return Printable.Escape($"first divergence {where}: {r.Reason?.ReplaceLineEndings(" ")}");
    }

    private static List<Row> Rows(Trace trace, ReplayResult result)
    {
        var recorded = trace.Events;
        var actual = result.Record?.Events ?? [];
        var n = Math.Max(recorded.Count, actual.Count);
        var at = result.DivergenceIndex ?? n;

        // A divergence after the last event (another violation, unused decisions) shows the logs' ends.
        var focus = Math.Min(at, n - 1);
        var rows = new List<Row>();
        for (var i = Math.Max(0, focus - Context); i <= Math.Min(n - 1, focus + Context); i++)
        {
            rows.Add(new Row(i, i < recorded.Count ? recorded[i] : null, i < actual.Count ? actual[i] : null, i == at));
        }

        return rows;
    }

    private static JsonObject? EventJson(TraceEvent? e) => e is null ? null : TraceJson.EventToJson(null, e);

    private static string Text(TraceEvent? e) => e is null ? "(end)" : Printable.Escape(e.ToString());

    private static string Cell(TraceEvent? e, string style) => $"[{style}]{Markup.Escape(Text(e))}[/]";

    private static string Num(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static string Pad(string s, int width) => s + new string(' ', Math.Max(0, width - DisplayWidth(s)));

    /// <summary>Columns a string takes on a terminal: East Asian wide characters take two.</summary>
    private static int DisplayWidth(string s)
    {
        var w = 0;
        foreach (var ch in s)
        {
            w += ch is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
                or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6')
                ? 2 : 1;
        }

        return w;
    }

    private sealed record Row(int Index, TraceEvent? Recorded, TraceEvent? Actual, bool Diverges);
}
