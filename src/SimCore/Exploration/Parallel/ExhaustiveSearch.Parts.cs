using System.Runtime.ExceptionServices;
using SimHarness.Exploration.Dpor;

namespace SimHarness.Exploration.Parallel;

/// <summary>
/// The parts of a split search, shared out in turns: a worker takes the next waiting part, runs it
/// for <see cref="ExplorationOptions.PartSliceRuns"/> runs, and puts it back at the end of the line
/// if other parts are waiting, keeping its DPOR search as it stands between two runs.
/// </summary>
/// <remarks>
/// The parts below a frontier are very unequal, and their sizes are not known before they run: taken
/// once each in order, the last big part to start ran alone while the other worker waited (a tenth of
/// EventRetryLimit checkDelay=3 on two workers, BENCHMARKS.md). In turns, every big part moves on at
/// the same pace, so the last two to finish are the two largest and end close together.
/// <para>
/// The turns change when a run is made, never which: a part is one DPOR search from a fixed prefix,
/// whatever thread drives it and whenever it pauses (between runs, where the search holds nothing but
/// its nodes), and each part numbers its own runs' positions. A part with a state cache keeps its
/// turn to the end: a shard's parts stop caching once those finished stored enough states without a
/// hit (<see cref="PartsGaveUp"/>), which needs parts to finish one after another.
/// </para>
/// </remarks>
internal sealed partial class ExhaustiveSearch
{
    // Parts not yet taken, or paused, in the order they are taken next; locked, with the count of
    // parts in a worker's turn. A worker that finds the line empty waits while a turn may still end
    // in a pause: leaving then would leave that part to one worker, the very end this file avoids.
    private readonly Queue<PartRun> _waiting;
    private int _inTurn;

    private void Work()
    {
        try
        {
            while (TakeTurn())
            {
            }
        }
#pragma warning disable CA1031 // Any failure of a worker is rethrown on the calling thread.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            lock (_failureGate)
            {
                _failure ??= ExceptionDispatchInfo.Capture(ex);
            }

            _stop = true;
        }
    }

    /// <summary>Takes the next waiting part and runs its turn; false when none is left or the search stopped.</summary>
    private bool TakeTurn()
    {
        PartRun? part;
        lock (_waiting)
        {
            while (!_waiting.TryDequeue(out part))
            {
                if (_stop || _inTurn == 0)
                {
                    return false;
                }

                System.Threading.Monitor.Wait(_waiting);
            }

            if (_stop)
            {
                return false;
            }

            _inTurn++;
        }

        var end = PartEnd.Stopped;
        try
        {
            end = ExplorePart(part);
        }
        finally
        {
            lock (_waiting)
            {
                _inTurn--;
                switch (end)
                {
                    case PartEnd.Finished:
                        _finishedParts++;
                        break;
                    case PartEnd.Paused:
                        _waiting.Enqueue(part);
                        break;
                    default:
                        _stop = true;
                        break;
                }

                System.Threading.Monitor.PulseAll(_waiting);
            }
        }

        return !_stop;
    }

    /// <summary>Runs a part until it ends, is stopped, or its turn is over with other parts waiting; its figures so far are the search's.</summary>
    private PartEnd ExplorePart(PartRun part)
    {
        var end = PartEnd.Stopped;
        try
        {
            end = ExploreTurn(part);
            return end;
        }
        finally
        {
            // After every turn, not only at the end: a search stopped with parts paused counts their transitions too.
            Count(part, end == PartEnd.Finished);
        }
    }

    private PartEnd ExploreTurn(PartRun part)
    {
        var dpor = part.Dpor ?? Begin(part);
        var turn = 0;
        while (true)
        {
            if (ShouldStop())
            {
                return PartEnd.Stopped;
            }

            var run = BuiltInExecutor.Run(_scenario.Create(_values), dpor, _options.MaxSteps, _options.Cancellation);
            if (_options.Cancellation.IsCancellationRequested)
            {
                // Stopped inside the run (or just after it): it is neither counted nor backtracked from.
                return PartEnd.Stopped;
            }

            var total = _tally.CountSchedule();
            if (!run.Pruned && IsNew(dpor) && _tally.Add(run, part.Position++) && _options.StopOnFirst)
            {
                return PartEnd.Stopped;
            }

            if (GivesUpThePlainSearch())
            {
                return PartEnd.Stopped;
            }

            if (!dpor.NextRun())
            {
                return PartEnd.Finished;
            }

            if (_options.Workers <= 1 && total % 256 == 0)
            {
                Publish(dpor, finished: false);
                ReportProgress();
            }

            // Past its turn's runs, a part gives way as soon as another waits (none may wait when its turn ends).
            if (_options.PartSliceRuns > 0 && ++turn >= _options.PartSliceRuns && part.Cache is null && OthersWaiting())
            {
                return PartEnd.Paused;
            }
        }
    }

    private bool OthersWaiting()
    {
        lock (_waiting)
        {
            return _waiting.Count > 0;
        }
    }

    /// <summary>Starts a part's DPOR search below its prefix, with a state cache of its own while caching is on.</summary>
    private DporStrategy Begin(PartRun part)
    {
        var cache = _caching && !PartsGaveUp ? new StateCache { IgnoreCheckpoints = _options.IgnoreCheckpoints } : null;
        _pilotCache = _pilot ? cache : null;
        var dpor = new DporStrategy(_options.Reduction, part.Prefix.Select(s => s.ToNode()).ToList(), cache) { PreemptionBound = _bound?.Preemptions, VerifyKeptAnalysis = _options.VerifyKeptAnalysis };
        dpor.Start();
        part.Cache = cache;
        part.Dpor = dpor;
        return dpor;
    }

    /// <summary>Adds what a part explored since its last turn to the search's figures.</summary>
    private void Count(PartRun part, bool finished)
    {
        if (part.Dpor is not { } dpor)
        {
            return;
        }

        Publish(dpor, finished);
        var cache = part.Cache;
        lock (_failureGate)
        {
            Transitions += dpor.Transitions - part.Counted.Transitions;
            States += (cache?.States ?? 0) - part.Counted.States;
            Undigested += (cache?.Undigested ?? 0) - part.Counted.Undigested;
            Hits += (cache?.Hits ?? 0) - part.Counted.Hits;
            GaveUp |= (cache?.GaveUp ?? false) || (Hits == 0 && States >= StateCache.GiveUpAfter);
            BoundCut |= dpor.BoundCut;
        }

        part.Counted = (dpor.Transitions, cache?.States ?? 0, cache?.Undigested ?? 0, cache?.Hits ?? 0);
    }

    /// <summary>Notes how much of the plain search's tree is behind it, for the progress line and the report.</summary>
    private void Publish(DporStrategy dpor, bool finished)
    {
        if (Unsplit)
        {
            _searched = finished ? 1 : dpor.Searched();
        }
    }

    private enum PartEnd
    {
        Finished,
        Stopped,
        Paused,
    }

    /// <summary>One part of the search: its place in the frontier, its prefix, and once begun its search and the next run's position.</summary>
    private sealed class PartRun(int index, IReadOnlyList<FrontierStep> prefix)
    {
        public IReadOnlyList<FrontierStep> Prefix { get; } = prefix;

        public long Position { get; set; } = index * PositionsPerPart;

        public DporStrategy? Dpor { get; set; }

        public StateCache? Cache { get; set; }

        /// <summary>The part's figures already added to the search's.</summary>
        public (long Transitions, long States, long Undigested, long Hits) Counted { get; set; }
    }
}
