using SimHarness.Simulation;

namespace SimHarness.Exploration.Dpor;

/// <summary>What the search records of each step taken: its vector clock, its races with the steps before it, and the backtrack points those ask for.</summary>
internal sealed partial class DporStrategy
{
    public void OnStepCompleted(SimThread stepper, Access access, IReadOnlyList<SimThread> woken, bool timeAdvanced)
    {
        if (!_raceAnalysis || ReplayedStep())
        {
            return;
        }

        var p = stepper.Id;
        var step = new DporStep(access, stepper.IsDaemon, DporStep.EndsRun(stepper, access));
        var before = ClockOf(p);
        var clock = Scratch(before);
        var index = _events.Count;
        _races.Clear();
        List<int>? onObject = null;
        if (access.ObjectId >= 0)
        {
            if (!_eventsByObject.TryGetValue(access.ObjectId, out onObject))
            {
                onObject = _eventsByObject[access.ObjectId] = [];
            }

            CheckRaces(onObject, step, p, before, ref clock, skipObject: -1);
        }

        // A run-ending finish and a daemon's step are dependent whatever they touch (DporStep).
        if (step.MayEndRun)
        {
            CheckRaces(_daemonEvents, step, p, before, ref clock, access.ObjectId);
        }

        if (step.Daemon)
        {
            CheckRaces(_endEvents, step, p, before, ref clock, access.ObjectId);
        }

        // A global step (Access.Global) conflicts with every step on any object, whichever list holds it.
        if (access.Global)
        {
            CheckRaces(ObjectEvents(), step, p, before, ref clock, access.ObjectId);
        }
        else if (access.ObjectId >= 0)
        {
            CheckRaces(_globalEvents, step, p, before, ref clock, access.ObjectId);
        }

        var stepClock = Tick(ref clock, p, before);
        NoteFutureStep(p, step, taken: true);
        _events.Add(new StepEvent(p, step, stepClock, _lastThreadNodeIndex, stepper.World.StepReleasedHeldLock));
        onObject?.Add(index);
        if (step.Daemon)
        {
            _daemonEvents.Add(index);
        }

        if (step.MayEndRun)
        {
            _endEvents.Add(index);
        }

        if (access.Global)
        {
            _globalEvents.Add(index);
        }

        DropIrreversible(p, step, _chosenWaitsUntimed);
        foreach (var j in _races)
        {
            // Only races not ordered through another racing event are reversed here.
            if (!OrderedThroughAnotherRace(j))
            {
                AddBacktrack(j, index);
            }
        }

        SetClock(p, stepClock);
        for (var wAt = 0; wAt < woken.Count; wAt++)
        {
            var w = woken[wAt];
            SetClock(w.Id, VectorClock.Join(ClockOf(w.Id), stepClock));
        }

        if (timeAdvanced)
        {
            Barrier(stepClock);
        }
    }

    /// <summary>Every event so far that touched an object (what a global step is scanned against; global steps are rare).</summary>
    private List<int> ObjectEvents()
    {
        var all = new List<int>();
        for (var j = 0; j < _events.Count; j++)
        {
            if (_events[j].Step.Access.ObjectId >= 0)
            {
                all.Add(j);
            }
        }

        return all;
    }
}
