using System.Globalization;
using SimHarness.Catalog;
using SimHarness.Exploration;
using Spectre.Console;

namespace SimHarness.Cli.Output;

/// <summary>Runs the explorations of one <c>explore</c> command and shows them: live on a terminal, plain lines when redirected.</summary>
internal sealed class ExploreView(CliContext ctx, ExplorationOptions options)
{
    /// <summary>Explores each scenario in turn and returns the reports, partial ones included.</summary>
    public List<ExplorationReport> Run(IReadOnlyList<(ScenarioInfo Info, IReadOnlyDictionary<string, object> Values)> runs) =>
        ctx.Interactive ? RunLive(runs) : RunPlain(runs);

    private List<ExplorationReport> RunPlain(IReadOnlyList<(ScenarioInfo Info, IReadOnlyDictionary<string, object> Values)> runs)
    {
        var reports = new List<ExplorationReport>();
        foreach (var (info, values) in runs)
        {
            if (options.Cancellation.IsCancellationRequested)
            {
                break;
            }

            var r = Explorer.Explore(info, values, options);
            reports.Add(r);
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Scenario}: strategy={r.Strategy} schedules={r.Schedules} complete={Bool(r.Complete)}{ExploreSummary.BoundSuffix(r)} distinctOutputs={r.DistinctOutputs} violations={r.Violations.Count} expected={Expected(r)} elapsedMs={r.ElapsedMs}{Estimated(r)}"));
            foreach (var v in r.Violations)
            {
                ctx.Out.WriteLine($"  violation {v.Invariant} (x{v.Count}): {OneLine(v.Message)}{TraceSuffix(v.Trace)}");
            }
        }

        if (options.Cancellation.IsCancellationRequested)
        {
            ctx.Out.WriteLine("stopped early: the reports are partial (complete: false)");
        }

        return reports;
    }

    private List<ExplorationReport> RunLive(IReadOnlyList<(ScenarioInfo Info, IReadOnlyDictionary<string, object> Values)> runs)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(ctx.Out) });
        var reports = new List<ExplorationReport>();
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                foreach (var (info, values) in runs)
                {
                    if (options.Cancellation.IsCancellationRequested)
                    {
                        break;
                    }

                    // The bar measures runs against --iterations, else time against --time-limit; an
                    // uncapped exhaustive search has no known end, so its bar is indeterminate.
                    var seconds = options.TimeLimit?.TotalSeconds;
                    var task = progress.AddTask(Markup.Escape(info.Name), maxValue: options.Iterations ?? seconds ?? 1);
                    task.IsIndeterminate = options.Iterations is null && seconds is null;
                    var sink = new ProgressSink(p =>
                    {
                        var searching = (task.ElapsedTime ?? TimeSpan.Zero) - TimeSpan.FromMilliseconds(p.Estimate?.ElapsedMs ?? 0);
                        task.Description = Describe(info.Name, p, EstimateView.Progress(p, searching));
                        if (task.IsIndeterminate && p.Estimate is { } e && !p.EstimateIsUpperBound)
                        {
                            // Without the reduction the search runs the very tree estimated: the bar can measure runs against it.
                            task.IsIndeterminate = false;
                            task.MaxValue = Math.Max(1, e.Schedules);
                        }

                        var byShare = options.Iterations is null && seconds is null && EstimateView.ByShare(p);
                        if (byShare && (task.IsIndeterminate || task.MaxValue != 1))
                        {
                            // Under the reduction the bar measures the share of the search's own tree behind it.
                            task.IsIndeterminate = false;
                            task.MaxValue = 1;
                        }

                        task.Value = p.Limit is not null ? p.Schedules
                            : seconds is { } limit ? Math.Min(limit, task.ElapsedTime?.TotalSeconds ?? 0)
                            : byShare ? Math.Min(1, p.Searched!.Value)
                            : task.IsIndeterminate ? 0
                            : Math.Min(p.Schedules, task.MaxValue);
                    });
                    var r = Explorer.Explore(info, values, options with { Progress = sink });
                    if (r.Estimate is { } estimate)
                    {
                        // Finished or stopped: no time left to show, only how the count compares with the estimate.
                        task.Description = Describe(info.Name, new ExplorationProgress(r.Schedules, r.DistinctOutputs, r.Violations.Sum(v => v.Count), null), $" (estimated {(r.EstimateIsUpperBound ? "<=" : "")}~{EstimateView.Count(estimate.Schedules)})");
                    }

                    task.IsIndeterminate = false;
                    task.Value = task.MaxValue;
                    task.StopTask();
                    reports.Add(r);
                }
            });
        console.Write(Summary(reports));
        foreach (var r in reports)
        {
            foreach (var v in r.Violations)
            {
                console.MarkupLine($"[red]{Markup.Escape(r.Scenario)}[/]: violation [bold]{Markup.Escape(v.Invariant)}[/] (x{v.Count}): {Markup.Escape(OneLine(v.Message) + TraceSuffix(v.Trace))}");
            }
        }

        if (options.Cancellation.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]stopped early: the reports are partial (complete: false)[/]");
        }

        return reports;
    }

    private static string Describe(string scenario, ExplorationProgress p, string estimate) =>
        $"{Markup.Escape(scenario)} [grey]{p.Schedules} runs{Markup.Escape(estimate)}, {p.DistinctOutputs} outputs, {p.Violations} bad[/]";

    private static Table Summary(List<ExplorationReport> reports)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns(
            new TableColumn("scenario"),
            new TableColumn("strategy"),
            new TableColumn("schedules").RightAligned(),
            new TableColumn("complete"),
            new TableColumn("distinct outputs").RightAligned(),
            new TableColumn("violating runs").RightAligned(),
            new TableColumn("expected?"),
            new TableColumn("elapsed").RightAligned());
        foreach (var r in reports)
        {
            var expected = r.AsExpected ? "[green]yes[/]" : "[red]NO[/]";
            table.AddRow(
                Markup.Escape(r.Scenario),
                Markup.Escape(r.Strategy),
                r.Schedules.ToString(CultureInfo.InvariantCulture),
                Bool(r.Complete) + Markup.Escape(ExploreSummary.BoundSuffix(r)),
                r.DistinctOutputs.ToString(CultureInfo.InvariantCulture),
                r.Violations.Count == 0 ? "0" : $"[red]{r.Violations.Sum(v => v.Count)}[/]",
                expected,
                string.Create(CultureInfo.InvariantCulture, $"{r.ElapsedMs / 1000.0:0.00} s"));
        }

        return table;
    }

    private static string Estimated(ExplorationReport r) =>
        (r.Estimate is { } e ? $" estimatedSchedules={EstimateView.Count(e.Schedules)} estimateIsUpperBound={Bool(r.EstimateIsUpperBound)}" : "")
        + (!r.Complete && r.ProjectedSchedules is { } projected
            ? string.Create(CultureInfo.InvariantCulture, $" searchedShare={r.SearchedShare:0.######} projectedSchedules={EstimateView.Count(projected)}")
            : "");

    private static string Expected(ExplorationReport r) => r.AsExpected ? "yes" : "NO";

    private static string Bool(bool b) => b ? "true" : "false";

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");

    private static string TraceSuffix(string? trace) => trace is null ? "" : $" -> {trace}";

    private sealed class ProgressSink(Action<ExplorationProgress> report) : IProgress<ExplorationProgress>
    {
        public void Report(ExplorationProgress value) => report(value);
    }
}
