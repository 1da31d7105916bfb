using System.Diagnostics;
using System.Globalization;
using SimHarness.Exploration;

namespace SimHarness.Benchmarks;

/// <summary>
/// Bytes allocated per schedule, and the share of the time the garbage collector paused the
/// search, for the exhaustive search of EventRetryLimit without state caching:
/// <c>dotnet run --project bench/SimHarness.Benchmarks -c Release -- explorer-allocation [checkDelay] [repetitions]</c>.
/// </summary>
/// <remarks>
/// Allocation is a count (the same on every run of the same build), so it is a small harness
/// rather than a BenchmarkDotNet class; the pause share says how much of a search's time less
/// allocation could save at most. The first repetition includes JIT warm-up.
/// </remarks>
internal static class ExplorerAllocation
{
    public static int Run(string[] args)
    {
        var checkDelay = args.Length > 0 ? args[0] : "5";
        var repetitions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var (info, values) = CatalogScenario.EventRetryLimit(checkDelay);
        Console.WriteLine($"EventRetryLimit checkDelay={checkDelay}, exhaustive, no state cache, {repetitions} repetitions in one process.");
        Console.WriteLine();
        Console.WriteLine("| repetition | schedules | allocated per schedule | GC pauses | wall | GC share of wall |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        for (var i = 1; i <= repetitions; i++)
        {
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var paused = GC.GetTotalPauseDuration();
            var wall = Stopwatch.StartNew();
            var report = Explorer.Explore(info, values, new ExplorationOptions { Strategy = "exhaustive", StateCache = false, TracesDirectory = null, Seed = 1 });
            wall.Stop();
            var perSchedule = (GC.GetTotalAllocatedBytes(precise: true) - bytes) / report.Schedules;
            var pause = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {i} | {report.Schedules:N0} | {perSchedule:N0} B | {pause:N0} ms | {wall.ElapsedMilliseconds:N0} ms | {pause / wall.Elapsed.TotalMilliseconds:P0} |"));
        }

        return 0;
    }
}
