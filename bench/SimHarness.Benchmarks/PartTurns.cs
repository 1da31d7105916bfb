using System.Diagnostics;
using System.Globalization;
using SimHarness.Catalog;
using SimHarness.Exploration;

namespace SimHarness.Benchmarks;

/// <summary>
/// Whether taking a split search's parts in turns pays: the same split search of EventRetryLimit
/// (two workers, no state caching, so no plain search first) with parts in turns of 256 runs and
/// with each part run to its end, alternating in one process after a warm-up of each:
/// <c>dotnet run --project bench/SimHarness.Benchmarks -c Release -- part-turns [checkDelay] [rounds]</c>.
/// </summary>
/// <remarks>
/// A plain harness, not a BenchmarkDotNet class: the effect is on the end of a search (how long the
/// last part runs alone), so a whole search is the unit, and alternating in one process keeps the
/// JIT's warm-up and the hour's load out of the comparison.
/// </remarks>
internal static class PartTurns
{
    public static int Run(string[] args)
    {
        var checkDelay = args.Length > 0 ? args[0] : "3";
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        var (info, values) = CatalogScenario.EventRetryLimit(checkDelay);
        var turns = new List<long>();
        var whole = new List<long>();
        Console.WriteLine($"EventRetryLimit checkDelay={checkDelay}, exhaustive, --workers 2 --no-state-cache, {rounds} alternating rounds after one warm-up each.");
        Console.WriteLine();
        Console.WriteLine("| round | in turns of 256 runs | each part to its end |");
        Console.WriteLine("|---:|---:|---:|");
        for (var i = 0; i <= rounds; i++)
        {
            var a = Explore(info, values, sliceRuns: 256);
            var b = Explore(info, values, sliceRuns: 0);
            if (i == 0)
            {
                continue; // warm-up
            }

            turns.Add(a);
            whole.Add(b);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {i} | {a:N0} ms | {b:N0} ms |"));
        }

        var (mt, mw) = (Median(turns), Median(whole));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"medians: in turns {mt:N0} ms, each to its end {mw:N0} ms; end / turns = {mw / mt:F2}x"));
        return 0;
    }

    private static long Explore(ScenarioInfo info, IReadOnlyDictionary<string, object> values, int sliceRuns)
    {
        var wall = Stopwatch.StartNew();
        var report = Explorer.Explore(info, values, new ExplorationOptions { Strategy = "exhaustive", StateCache = false, Workers = 2, PartSliceRuns = sliceRuns, TracesDirectory = null, Seed = 1 });
        wall.Stop();
        if (!report.Complete)
        {
            throw new InvalidOperationException("the search did not finish");
        }

        return wall.ElapsedMilliseconds;
    }

    private static double Median(List<long> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2.0;
    }
}
