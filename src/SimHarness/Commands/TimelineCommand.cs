using System.CommandLine;
using SimHarness.Cli.Output;
using SimHarness.Tracing;
using SimHarness.Tracing.Timeline;

namespace SimHarness.Cli.Commands;

/// <summary><c>timeline</c>: draws a trace as a self-contained HTML page, one lane per thread or greenlet.</summary>
internal static class TimelineCommand
{
    public static Command Create(CliContext ctx)
    {
        var file = new Argument<string>("trace-file") { Description = "a trace written by run --trace or explore" };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "the HTML file to write (default: the trace's path with .html)",
            HelpName = "FILE.html",
        };
        var cmd = new Command("timeline", "draw a trace as one HTML page: a lane per thread or greenlet, virtual time downwards, arrows for wake-ups, messages and switches, the violating step marked")
        {
            file, output,
        };
        cmd.SetAction(p =>
        {
            var tracePath = p.GetValue(file)!;
            var trace = TraceJson.Load(tracePath);
            var path = p.GetValue(output) ?? Path.ChangeExtension(tracePath, ".html");
            var what = p.GetValue(output) is null ? "the default output (the trace's path with .html)" : "--output";
            Inputs.NotAnInput(path, what, tracePath);
            Inputs.OutputFile(path, what);

            var timeline = TimelinePage.Render(trace);
            var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(dir);
            File.WriteAllText(path, timeline.Html);
            ctx.Out.WriteLine($"wrote {path}: {Printable.Escape(trace.Scenario)}, {timeline.Lanes} lanes, {timeline.Events} events, {timeline.Arrows} arrows"
                + (trace.Violation is { } v ? $", violation {Printable.Escape(v.Invariant)} marked at step {timeline.ViolationStep}" : ", no violation"));
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
