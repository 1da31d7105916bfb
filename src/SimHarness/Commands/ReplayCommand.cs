using System.CommandLine;
using System.Text.Json.Nodes;
using SimHarness.Catalog;
using SimHarness.Cli.Output;
using SimHarness.Tracing;

namespace SimHarness.Cli.Commands;

/// <summary><c>replay</c>: re-runs a recorded trace and says whether it still matches.</summary>
internal static class ReplayCommand
{
    public static Command Create(CliContext ctx)
    {
        var file = new Argument<string>("trace-file") { Description = "a trace written by run --trace or explore" };
        var json = new Option<bool>("--json") { Description = "write the replayed run as JSON" };
        var assembly = CommonOptions.Assembly();
        var cmd = new Command("replay", "re-run a recorded trace: the same result, or the first step where it diverges")
        {
            file, json, assembly,
        };
        cmd.SetAction(p =>
        {
            var catalog = CommonOptions.LoadCatalog(p.GetValue(assembly));
            var trace = Inputs.Trace(p.GetValue(file)!, catalog);
            var result = TraceReplayer.Replay(trace, catalog);
            if (!result.Matches)
            {
                // A stale trace is bad input: one line on stderr naming the first diverging step, and
                // on stdout both event logs side by side around it.
                ctx.Error.WriteLine("error: " + StaleLine(result));
                if (p.GetValue(json))
                {
                    ctx.Out.WriteLine(JsonShapes.Text(new JsonObject
                    {
                        ["scenario"] = trace.Scenario,
                        ["matches"] = false,
                        ["divergence"] = ReplayDiffView.Json(trace, result),
                    }));
                }
                else
                {
                    ReplayDiffView.Write(ctx, trace, result);
                }

                return ExitCodes.BadUsage;
            }

            var record = result.Record!;
            if (p.GetValue(json))
            {
                var info = ScenarioCatalog.Find(catalog, trace.Scenario);
                var o = JsonShapes.Run(trace.Scenario, info.ResolveParams(trace.Params), record);
                o["matches"] = true;
                o["events"] = trace.Events.Count;
                ctx.Out.WriteLine(JsonShapes.Text(o));
            }
            else
            {
                TextOutput.Lines(ctx.Out, record.Output);
                TextOutput.Violations(ctx.Out, record.Violations);
                ctx.Out.WriteLine($"replay matches the recorded run ({trace.Events.Count} events)");
            }

            return record.Violations.Count > 0 ? ExitCodes.Violation : ExitCodes.Ok;
        });
        return cmd;
    }

    private static string StaleLine(ReplayResult r)
    {
        var where = r.Expected is null && r.Actual is null
            ? $"after event {r.DivergenceIndex}"
            : $"at event {r.DivergenceIndex}: expected {Describe(r.Expected, "the end of the recording")}, got {Describe(r.Actual, "the end of the run")}";
        return Printable.Escape($"trace is stale: first divergence {where} ({r.Reason})".ReplaceLineEndings(" "));
    }

    private static string Describe(TraceEvent? e, string none) => e is null ? none : e.ToString();
}
