using System.CommandLine;
using System.Globalization;
using SimHarness.Cli.Output;
using SimHarness.Shrinking;
using SimHarness.Tracing;

namespace SimHarness.Cli.Commands;

/// <summary><c>shrink</c>: reduces a failing trace to one with fewest preemptions, faults and steps.</summary>
internal static class ShrinkCommand
{
    public static Command Create(CliContext ctx)
    {
        var file = new Argument<string>("trace") { Description = "a failing trace (built-in or Coyote; the result is always a built-in trace)" };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "where to write the shrunk trace (default: <trace>.shrunk.json beside it; never the trace itself)",
            HelpName = "FILE",
        };
        var budget = new Option<int>("--budget")
        {
            Description = "at most this many candidate runs",
            DefaultValueFactory = _ => TraceShrinker.DefaultBudget,
            HelpName = "N",
        };
        var assembly = CommonOptions.Assembly();
        var cmd = new Command("shrink", "reduce a failing trace to fewest preemptions, then faults, then steps; each candidate is checked by running it")
        {
            file, output, budget, assembly,
        };
        cmd.SetAction(p =>
        {
            var path = p.GetValue(file)!;
            var runs = p.GetValue(budget);
            if (runs <= 0)
            {
                throw new UsageException($"--budget must be positive, got {runs}");
            }

            var catalog = CommonOptions.LoadCatalog(p.GetValue(assembly));
            var trace = Inputs.Trace(path, catalog);
            var target = p.GetValue(output) ?? DefaultOutput(path);
            Inputs.NotAnInput(target, "--output", [path, .. trace.CoyoteTrace is { } c ? new[] { c } : []]);
            Inputs.OutputFile(target, "--output");
            var result = TraceShrinker.Shrink(trace, catalog, runs);
            TraceJson.Save(result.Trace, target);
            if (result.FromCoyote)
            {
                ctx.Out.WriteLine("converted the Coyote trace to built-in decisions (its event log, replayed exactly)");
            }

            ctx.Out.WriteLine($"before: {result.Before}");
            ctx.Out.WriteLine($"after: {result.After}");
            var verdict = result.BudgetExhausted ? "budget exhausted before a fixpoint" : "fixpoint";
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Printable.Escape(result.Trace.Violation!.Invariant)} reproduced; {result.Runs} candidate runs ({verdict}); written to {target}"));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static string DefaultOutput(string path) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path) + ".shrunk.json");
}
