using SimHarness.Catalog;
using SimHarness.Exploration.Dpor;

namespace SimHarness.Exploration.Parallel;

/// <summary>
/// <c>--workers N</c> with state caching: the plain search first, split only when its cache would stop anyway.
/// </summary>
/// <remarks>
/// Each part of a split search caches the states it meets on its own, so a state two parts reach is
/// explored by both, and the frontier tries every branch that is not asleep. Where states meet again
/// often the split search makes many times the runs of the plain one (EchoUpperFixed clients=2
/// messages=2: 543,972 runs in 69.7 s against 22.9 s plain; README, "Parallel and sharded
/// exploration"). So a search that would cache states starts as the plain search on one worker. If its
/// cache meets a state again, it finishes that way: one worker, every merge kept. If it stores
/// <see cref="DecideAfter"/> states without meeting one twice (where the plain search stops caching
/// anyway), or cannot digest its states at all, it is dropped, runs and findings, and the split
/// search without caching starts from the root. Every choice
/// depends on counts alone, so the same command makes the same runs whatever the machine does, and for
/// any N above 1.
/// </remarks>
internal sealed partial class ExhaustiveSearch
{
    /// <summary>States the plain search stores without meeting one twice before it gives way to the split search.</summary>
    /// <remarks>Where the plain search would stop caching: from there on it would only be a split search on one worker. The runs made until then are made again by the split search.</remarks>
    internal const int DecideAfter = StateCache.GiveUpAfter;

    // This plain search decides between itself and the split search; its part's cache; whether it gave way.
    private bool _pilot;
    private StateCache? _pilotCache;
    private bool _gaveWay;

    // The split search that took over: what the plain search's cache held, and how caching went.
    private long _pilotStates;
    private string? _pilotCaching;

    /// <summary>The report's words when <c>--workers</c> asked for a split the search did not make.</summary>
    private string OneWorkerNote =>
        !_pilot ? ""
        : _pilotCache?.Hits > 0 ? "; one worker: states met again, which the parts of a split search would not share"
        : "; one worker: the search ended before its cache had shown whether states meet again";

    /// <summary>Runs the search the options ask for: plain, split, or (with --workers and state caching) the plain one first.</summary>
    private static ExhaustiveSearch Start(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, ExplorationOptions options, SearchTally tally, WallTimer clock, out bool finished)
    {
        var pilot = options.Workers > 1 && options.Shard is null && options.Reduction && options.StateCache && scenario.StateCachingBlocker() is null;
        var search = new ExhaustiveSearch(scenario, values, pilot ? options with { Workers = 1 } : options, tally, clock) { _pilot = pilot };
        finished = search.Run();
        if (!search._gaveWay)
        {
            return search;
        }

        tally.Clear();
        var split = new ExhaustiveSearch(scenario, values, options with { StateCache = false }, tally, clock)
        {
            _pilotStates = search.States,
            _pilotCaching = search.States == 0
                ? "off: the scenario uses objects the state digest does not cover"
                : $"on until {search.States} states had been explored without one met twice, then off, split over {options.Workers} workers",
        };
        finished = split.Run();
        return split;
    }

    /// <summary>True when the plain search started for <c>--workers</c> gives way to the split search: its cache meets nothing again.</summary>
    private bool GivesUpThePlainSearch()
    {
        if (_pilotCache is not { } cache || cache.Hits > 0)
        {
            return false;
        }

        _gaveWay = cache.States >= DecideAfter || (cache.States == 0 && cache.Undigested >= DecideAfter);
        return _gaveWay;
    }
}
