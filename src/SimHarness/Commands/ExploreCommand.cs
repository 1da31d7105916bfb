using System.CommandLine;
using System.Text.Json.Nodes;
using SimHarness.Catalog;
using SimHarness.Cli.Gating;
using SimHarness.Cli.Output;
using SimHarness.Exploration;

namespace SimHarness.Cli.Commands;

/// <summary><c>explore</c>: explores one or more scenarios and reports what it found.</summary>
internal static class ExploreCommand
{
    public static Command Create(CliContext ctx)
    {
        var scenarios = new Argument<string[]>("scenario") { Description = "scenarios to explore (see `list`)", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "explore every scenario" };
        var param = CommonOptions.Param();
        var strategy = new Option<string>("--strategy")
        {
            Description = $"exploration strategy: {string.Join(", ", ExplorationOptions.KnownStrategies)}",
            DefaultValueFactory = _ => "exhaustive",
            HelpName = "S",
        };
        var iterations = new Option<long?>("--iterations") { Description = "runs to make (for exhaustive only a cap: hitting it gives complete: false)", HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "seed of the random, pct and Coyote strategies", HelpName = "N" };
        var maxSteps = new Option<long?>("--max-steps") { Description = "step bound of one run (default: the scenario's own)", HelpName = "N" };
        var timeLimit = new Option<double?>("--time-limit") { Description = "stop after this many seconds and report what was found (complete: false)", HelpName = "SECONDS" };
        var stopOnFirst = new Option<bool>("--stop-on-first") { Description = "stop at the first violating run" };
        var json = new Option<string?>("--json") { Description = "write the reports (an array, one object per scenario) to FILE", HelpName = "FILE" };
        var traces = new Option<string>("--traces")
        {
            Description = "directory for the traces of violating runs",
            DefaultValueFactory = _ => "simharness-traces",
            HelpName = "DIR",
        };
        var outcomeTraces = new Option<bool>("--outcome-traces") { Description = "also write a trace of the first run of each distinct transcript (default: violating runs only)" };
        var junit = new Option<string?>("--junit") { Description = "write a JUnit XML report to FILE (a testcase per scenario)", HelpName = "FILE" };
        var requireComplete = new Option<bool>("--require-complete") { Description = "exit 2 when an exhaustive search was cut short (--iterations, --time-limit, Ctrl-C)" };
        var noReduction = new Option<bool>("--no-reduction") { Description = "explore every interleaving (no partial-order reduction)" };
        var noStateCache = new Option<bool>("--no-state-cache") { Description = "do not skip states already explored (state caching is on by default)" };
        var ignoreCheckpoints = new Option<bool>("--ignore-checkpoints") { Description = "state caching as if the scenario declared no checkpoints (sim.Checkpoint): compare with a search without it, at small sizes, to check the declarations" };
        var assembly = CommonOptions.Assembly();
        var workers = new Option<int>("--workers") { Description = "OS threads sharing one exhaustive search (the same outcomes and violations as one)", DefaultValueFactory = _ => 1, HelpName = "N" };
        var shard = new Option<string?>("--shard") { Description = "explore only shard i of n of the exhaustive search (1 <= i <= n); combine the reports with `merge`", HelpName = "i/n" };
        var maxPreemptions = new Option<int?>("--max-preemptions")
        {
            Description = "exhaustive only: explore every run with at most K preemptions (a switch away from a thread that could have gone on, as `shrink` counts them); complete: true then covers those runs only. Runs without the reduction and state caching",
            HelpName = "K",
        };
        var iterative = new Option<bool>("--iterative") { Description = "exhaustive only: explore with preemption bound 0, then 1, 2, ... (up to --max-preemptions if given) until a bound cuts no run or the search is stopped; reports the highest bound finished" };
        var cmd = new Command("explore", "explore the schedules of scenarios; Ctrl-C or --time-limit stops and still reports")
        {
            scenarios, all, param, strategy, iterations, seed, maxSteps, timeLimit, stopOnFirst, json, traces, outcomeTraces, junit, requireComplete, noReduction, noStateCache, ignoreCheckpoints, workers, shard, maxPreemptions, iterative, assembly,
        };

        // The size estimate (issue 12, item 2) keeps to its own lines and its own file (EstimateView).
        var estimate = EstimateView.EstimateOption();
        var probes = EstimateView.ProbesOption();
        cmd.Options.Add(estimate);
        cmd.Options.Add(probes);

        // Census gating (issue 5) keeps to its own lines: explore's other options grow on other branches.
        var census = CensusGate.PathOption();
        var censusUpdate = CensusGate.UpdateOption();
        cmd.Options.Add(census);
        cmd.Options.Add(censusUpdate);
        cmd.SetAction(p =>
        {
            var catalog = CommonOptions.LoadCatalog(p.GetValue(assembly));
            var chosen = Choose(catalog, p.GetValue(scenarios) ?? [], p.GetValue(all));
            var overrides = ScenarioInfo.ParseOverrides(p.GetValue(param) ?? []);
            var runs = Resolve(chosen, overrides);
            var strategyName = p.GetValue(strategy)!;
            if (!ExplorationOptions.KnownStrategies.Contains(strategyName))
            {
                throw new UsageException($"unknown strategy '{strategyName}' (known: {string.Join(", ", ExplorationOptions.KnownStrategies)})");
            }

            var gate = CensusGate.From(p.GetValue(census), p.GetValue(censusUpdate), strategyName);
            runs = gate?.Pin(runs, overrides) ?? runs;

            var options = new ExplorationOptions
            {
                Strategy = strategyName,
                Iterations = Positive(p.GetValue(iterations), "--iterations"),
                Seed = p.GetValue(seed),
                MaxSteps = MaxSteps(p.GetValue(maxSteps)),
                TimeLimit = p.GetValue(timeLimit) is { } s ? TimeSpan.FromSeconds(Positive(s, "--time-limit")) : null,
                StopOnFirst = p.GetValue(stopOnFirst),
                TracesDirectory = p.GetValue(traces),
                OutcomeTraces = p.GetValue(outcomeTraces),
                Reduction = !p.GetValue(noReduction),
                StateCache = !p.GetValue(noStateCache),
                IgnoreCheckpoints = p.GetValue(ignoreCheckpoints),
                Workers = p.GetValue(workers),
                Shard = p.GetValue(shard) is { } sh ? Exploration.Parallel.ShardSpec.Parse(sh) : null,
                MaxPreemptions = p.GetValue(maxPreemptions),
                Iterative = p.GetValue(iterative),
            };
            if (options.WorkersProblem() is { } workersProblem)
            {
                throw new UsageException(workersProblem);
            }

            if (options.BoundProblem() is { } boundProblem)
            {
                throw new UsageException(boundProblem);
            }

            if ((options.Workers > 1 || options.Shard is not null) && strategyName != "exhaustive")
            {
                // Refused before any exploration starts (Explorer.Explore refuses it too, for API callers).
                throw new UsageException($"--workers and --shard split the exhaustive search only, not --strategy {strategyName}");
            }

            if (p.GetValue(estimate))
            {
                EstimateView.Refuse(p, [json, junit, census, shard, requireComplete, iterations, stopOnFirst, outcomeTraces, workers]);
                return EstimateView.Run(ctx, runs, EstimateView.Options(options, p.GetValue(probes), p.GetValue(timeLimit) is not null));
            }

            options = options with { EstimateProbes = EstimateView.ProbesBeforeSearch(strategyName, p.GetValue(probes)) };
            var mustComplete = p.GetValue(requireComplete);
            if (mustComplete && strategyName != "exhaustive")
            {
                throw new UsageException($"--require-complete needs --strategy exhaustive: {strategyName} samples schedules and never completes");
            }

            if (gate is not null && options.Shard is not null)
            {
                throw new UsageException("--census compares the whole search's outcomes, a shard holds only part of them: merge the shards' reports instead");
            }

            var jsonPath = p.GetValue(json);
            if (jsonPath is not null && p.GetValue(census) is { } censusPath)
            {
                Inputs.NotAnInput(jsonPath, "--json", censusPath);
            }

            // Before the search, not after it: a long search must not end in an output it cannot write.
            Inputs.OutputDirectory(options.TracesDirectory!, "--traces");
            if (jsonPath is not null)
            {
                Inputs.OutputFile(jsonPath, "--json");
            }

            if (p.GetValue(junit) is { } junitOutput)
            {
                Inputs.OutputFile(junitOutput, "--junit");
            }

            var (reports, cancelled) = ExploreAll(ctx, runs, gate is null ? options : CensusGate.Adjust(options));
            var unexplored = runs.Skip(reports.Count).Select(r => Unexplored(r.Item1, r.Item2, strategyName)).ToList();
            foreach (var r in unexplored)
            {
                ctx.Out.WriteLine($"{r.Scenario}: explored=false (stopped before it started)");
            }

            if (jsonPath is not null)
            {
                // reports and unexplored follow runs, in order.
                var array = new JsonArray(reports.Concat(unexplored).Select((r, i) =>
                    {
                        var o = JsonShapes.Report(r, runs[i].Item1.Type.Assembly);
                        return (JsonNode?)(i < reports.Count ? o : NotExplored(o));
                    })
                    .ToArray());
                var dir = Path.GetDirectoryName(Path.GetFullPath(jsonPath));
                if (dir is not null)
                {
                    Directory.CreateDirectory(dir);
                }

                File.WriteAllText(jsonPath, JsonShapes.Text(array) + "\n");
            }

            if (p.GetValue(junit) is { } junitPath)
            {
                JUnitReport.Write(junitPath, JUnitReport.Build(reports, options, cancelled, mustComplete));
            }

            if (GitHubAnnotations.Enabled)
            {
                foreach (var line in GitHubAnnotations.Lines(reports, options, cancelled))
                {
                    ctx.Out.WriteLine(line);
                }
            }

            ctx.Out.WriteLine(ExploreSummary.Line(reports, options, cancelled));
            if (gate is not null && gate.Finish(reports, ctx.Out) != ExitCodes.Ok)
            {
                return ExitCodes.Violation;
            }

            if (cancelled || unexplored.Count > 0)
            {
                // Ctrl-C (or the caller's cancellation): CI must not read a partial search as success.
                return ExitCodes.Interrupted;
            }

            var incomplete = mustComplete && reports.Any(r => ExploreSummary.CutShort(r, options, cancelled) is not null);
            return reports.All(ExploreSummary.AsExpected) && !incomplete ? ExitCodes.Ok : ExitCodes.Violation;
        });
        return cmd;
    }

    /// <summary>The report of a scenario the exploration never reached.</summary>
    private static ExplorationReport Unexplored(ScenarioInfo info, IReadOnlyDictionary<string, object> values, string strategy) => new()
    {
        Scenario = info.Name,
        Params = values,
        Strategy = strategy,
        ExpectedViolation = info.ExpectedViolation,
    };

    private static JsonObject NotExplored(JsonObject report)
    {
        report["explored"] = false;
        return report;
    }

    private static (List<ExplorationReport> Reports, bool Interrupted) ExploreAll(CliContext ctx, IReadOnlyList<(ScenarioInfo Info, IReadOnlyDictionary<string, object> Values)> runs, ExplorationOptions options)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ctx.Cancellation);
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            // Ctrl-C stops the exploration; the partial report is still written.
            e.Cancel = true;
            cts.Cancel();
        }

        Console.CancelKeyPress += OnCancel;
        try
        {
            var view = new ExploreView(ctx, options with { Cancellation = cts.Token });
            var reports = view.Run(runs);
            return (reports, cts.IsCancellationRequested);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }

    private static List<ScenarioInfo> Choose(IReadOnlyList<ScenarioInfo> catalog, string[] names, bool all)
    {
        if (all == (names.Length > 0))
        {
            throw new UsageException(all ? "give scenario names or --all, not both" : "name at least one scenario to explore, or --all");
        }

        return all ? [.. catalog] : names.Distinct(StringComparer.Ordinal).Select(n => ScenarioCatalog.Find(catalog, n)).ToList();
    }

    /// <summary>Each --param goes to the explored scenarios that have it; one that none has is refused.</summary>
    private static List<(ScenarioInfo, IReadOnlyDictionary<string, object>)> Resolve(List<ScenarioInfo> chosen, Dictionary<string, string> overrides)
    {
        if (chosen.Count == 1)
        {
            return [(chosen[0], chosen[0].ResolveExploreParams(overrides))];
        }

        var unknown = overrides.Keys.FirstOrDefault(k => !chosen.Any(s => s.Params.Any(p => p.Name == k)));
        if (unknown is not null)
        {
            throw new UsageException($"unknown parameter '{unknown}': none of the explored scenarios has it");
        }

        return chosen
            .Select(s => (s, s.ResolveExploreParams(overrides.Where(kv => s.Params.Any(p => p.Name == kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value))))
            .ToList();
    }

    private static long? MaxSteps(long? v) =>
        v is > SimHarness.Exploration.ExplorationLimits.MaxStepsBound
            ? throw new UsageException($"--max-steps must be at most {SimHarness.Exploration.ExplorationLimits.MaxStepsBound} (one event per step is kept in memory), got {v}")
            : Positive(v, "--max-steps");

    private static long? Positive(long? v, string option) =>
        v is <= 0 ? throw new UsageException($"{option} must be positive, got {v}") : v;

    private static double Positive(double v, string option) =>
        v > 0 && double.IsFinite(v) ? v : throw new UsageException($"{option} must be a positive number of seconds, got {v}");
}
