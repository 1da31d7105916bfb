using System.Diagnostics.Tracing;
using System.Globalization;

namespace SimHarness.Benchmarks;

/// <summary>
/// What a search allocates, by type: the runtime's allocation ticks (one event about every 100 KB
/// allocated, naming the type whose allocation crossed it) during the exhaustive search of
/// EventRetryLimit at its defaults, as compiled, without state caching:
/// <c>dotnet run --project bench/SimHarness.Benchmarks -c Release -- allocation-types [repetitions] [top]</c>.
/// </summary>
/// <remarks>
/// The ticks sample bytes, so a type's share of the ticks estimates its share of the bytes. A first
/// search, not counted, compiles the code; the counted ones are the next <c>repetitions</c>.
/// </remarks>
internal static class AllocationTypes
{
    public static int Run(string[] args)
    {
        var repetitions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var top = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 25;
        var search = new CompiledSearch("EventRetryLimit");
        search.Explore("exhaustive", null, stateCache: false);
        long schedules = 0;
        using var ticks = new TickListener();
        for (var i = 0; i < repetitions; i++)
        {
            schedules += search.Explore("exhaustive", null, stateCache: false);
        }

        var byType = ticks.Counts();
        var total = byType.Values.Sum();
        Console.WriteLine($"EventRetryLimit at its defaults, exhaustive, as compiled, no state cache: {repetitions} searches, {schedules:N0} schedules, {total:N0} allocation ticks.");
        Console.WriteLine();
        Console.WriteLine("| type | ticks | share |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (type, count) in byType.OrderByDescending(kv => kv.Value).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{type}` | {count:N0} | {(double)count / total:P1} |"));
        }

        return 0;
    }

    private sealed class TickListener : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private readonly Dictionary<string, long> _counts = [];
        private readonly object _gate = new();

        public Dictionary<string, long> Counts()
        {
            lock (_gate)
            {
                return new Dictionary<string, long>(_counts);
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.PayloadNames is not { } names)
            {
                return;
            }

            var type = eventData.Payload![names.IndexOf("TypeName")] as string ?? "?";
            lock (_gate)
            {
                _counts[type] = _counts.GetValueOrDefault(type) + 1;
            }
        }
    }
}
