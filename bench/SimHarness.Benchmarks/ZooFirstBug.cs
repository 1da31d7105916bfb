using System.Diagnostics;
using System.Globalization;
using SimHarness.Catalog;
using SimHarness.Exploration;

namespace SimHarness.Benchmarks;

/// <summary>
/// Schedules to the first bug of every zoo entry under each strategy, side by side in one run:
/// <c>dotnet run --project bench/SimHarness.Benchmarks -c Release -- zoo-first-bug [seeds]</c>.
/// </summary>
/// <remarks>
/// A count, not a time, so it is a small harness rather than a BenchmarkDotNet class. Each
/// exploration stops at its first violating run; its schedule count is the number of runs up to
/// and including that one. The exhaustive search (plain and iterative) is deterministic and runs once; every
/// randomized strategy runs with seeds 1..N and the table gives the median (and the worst).
/// Caps: 10,000 schedules for the built-in strategies, 1,000 iterations for Coyote's.
/// </remarks>
internal static class ZooFirstBug
{
    // "iterative" is the exhaustive strategy with iterative preemption bounding (explore --iterative).
    private static readonly string[] s_strategies = ["exhaustive", "iterative", "random", "pct", "coyote-random", "coyote-prioritization"];

    public static int Run(string[] args)
    {
        var seeds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 9;
        var bugs = ScenarioCatalog.Discover([typeof(Scenarios.Zoo.ZooCheckThenAct).Assembly])
            .Where(s => s.Type.Namespace == typeof(Scenarios.Zoo.ZooCheckThenAct).Namespace && s.ExpectedToFail)
            .ToArray();
        Console.WriteLine($"Schedules to the first bug: exhaustive once; others median (worst) over seeds 1..{seeds}.");
        Console.WriteLine();
        Console.WriteLine("| zoo entry | expected violation | " + string.Join(" | ", s_strategies) + " | wall, all strategies |");
        Console.WriteLine("|---|---|" + string.Concat(s_strategies.Select(_ => "---:|")) + "---:|");
        foreach (var bug in bugs)
        {
            var wall = Stopwatch.StartNew();
            var cells = s_strategies.Select(s => Cell(bug, s, s is "exhaustive" or "iterative" ? 1 : seeds)).ToArray();
            Console.WriteLine($"| {bug.Name} | {bug.ExpectedViolation} | {string.Join(" | ", cells)} | {wall.ElapsedMilliseconds:N0} ms |");
        }

        return 0;
    }

    private static string Cell(ScenarioInfo bug, string strategy, int seeds)
    {
        var cap = strategy.StartsWith("coyote", StringComparison.Ordinal) ? 1_000 : 10_000;
        var counts = new List<long>();
        var missed = 0;
        for (var seed = 1; seed <= seeds; seed++)
        {
            var report = Explorer.Explore(bug, bug.ResolveParams(null), new ExplorationOptions
            {
                Strategy = strategy == "iterative" ? "exhaustive" : strategy,
                Iterative = strategy == "iterative",
                Seed = seed,
                Iterations = cap,
                StopOnFirst = true,
                TracesDirectory = null,
            });
            if (report.Violations.Any(v => v.Invariant == bug.ExpectedViolation))
            {
                counts.Add(report.Schedules);
            }
            else
            {
                missed++;
            }
        }

        if (counts.Count == 0)
        {
            return $"> {cap:N0}";
        }

        counts.Sort();
        var median = counts[counts.Count / 2];
        var text = seeds == 1 ? $"{median:N0}" : $"{median:N0} ({counts[^1]:N0})";
        return missed == 0 ? text : $"{text}, missed {missed}/{seeds}";
    }
}
