using System.CommandLine;
using SimHarness.Catalog;
using SimHarness.Cli.Output;
using SimHarness.Exploration;
using SimHarness.Real;
using SimHarness.Tracing;

namespace SimHarness.Cli.Commands;

/// <summary><c>run</c>: one run, on the canonical schedule, a seeded random one, or for real.</summary>
internal static class RunCommand
{
    public static Command Create(CliContext ctx)
    {
        var scenario = new Argument<string>("scenario") { Description = "the scenario to run (see `list`)" };
        var param = CommonOptions.Param();
        var seed = new Option<int?>("--seed") { Description = "run a seeded random schedule instead of the canonical one (longest-waiting thread first)", HelpName = "N" };
        var real = new Option<bool>("--real") { Description = "run for real: OS threads, wall-clock time, real sockets (stopped after --time-limit)" };
        var timeLimit = new Option<double>("--time-limit")
        {
            Description = "with --real: wall-clock seconds before the run is stopped and reported as a timeout",
            DefaultValueFactory = _ => 60,
            HelpName = "SECONDS",
        };
        var json = new Option<bool>("--json") { Description = "write {scenario, params, output, violations} as JSON" };
        var trace = new Option<string?>("--trace") { Description = "save the run's trace to FILE (simulated runs only)", HelpName = "FILE" };
        var assembly = CommonOptions.Assembly();
        var cmd = new Command("run", "run a scenario once and print each output line with its time (seconds) and thread")
        {
            scenario, param, seed, real, timeLimit, json, trace, assembly,
        };
        cmd.SetAction(p =>
        {
            var catalog = CommonOptions.LoadCatalog(p.GetValue(assembly));
            var info = ScenarioCatalog.Find(catalog, p.GetValue(scenario)!);
            var values = info.ResolveParams(ScenarioInfo.ParseOverrides(p.GetValue(param) ?? []));
            var tracePath = p.GetValue(trace);
            RunRecord record;
            if (p.GetValue(real))
            {
                if (p.GetValue(seed) is not null || tracePath is not null)
                {
                    throw new UsageException("--real cannot be combined with --seed or --trace (a real run has no schedule to replay)");
                }

                var seconds = p.GetValue(timeLimit);
                if (!(seconds > 0 && seconds <= 86_400))
                {
                    throw new UsageException($"--time-limit must be a number of seconds in (0, 86400], got {seconds}");
                }

                record = RealExecutor.Run(info.Create(values), TimeSpan.FromSeconds(seconds));
            }
            else
            {
                if (tracePath is not null)
                {
                    Inputs.OutputFile(tracePath, "--trace");
                }

                (record, var t) = SingleRun.Run(info, values, p.GetValue(seed));
                if (tracePath is not null)
                {
                    TraceJson.Save(t, tracePath);
                }
            }

            if (p.GetValue(json))
            {
                ctx.Out.WriteLine(JsonShapes.Text(JsonShapes.Run(info.Name, values, record)));
            }
            else
            {
                TextOutput.Lines(ctx.Out, record.Output);
                TextOutput.Violations(ctx.Out, record.Violations);
            }

            return record.Violations.Count > 0 ? ExitCodes.Violation : ExitCodes.Ok;
        });
        return cmd;
    }
}
