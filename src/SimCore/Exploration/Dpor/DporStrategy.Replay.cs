namespace SimHarness.Exploration.Dpor;

/// <summary>
/// Where the race analysis stood when a node's decision was first taken: the steps recorded before
/// it, the clock changes made by then, and the lengths of the lists the race checks scan.
/// </summary>
/// <param name="Events">The steps recorded before the decision.</param>
/// <param name="ClockChanges">How many times a thread's clock had changed in the run by then (DporStrategy.Clocks.cs undoes the later ones).</param>
/// <param name="ClockCount">How many threads had a clock slot then.</param>
/// <param name="DaemonEvents">The length of the daemons' step list then.</param>
/// <param name="EndEvents">The length of the run-ending steps' list then.</param>
/// <param name="GlobalEvents">The length of the global steps' list then.</param>
/// <param name="PendingReversedAt">Where pending races were last reversed (<c>_pendingReversedAt</c>).</param>
internal sealed record ReplayMark(int Events, int ClockChanges, int ClockCount, int DaemonEvents, int EndEvents, int GlobalEvents, int PendingReversedAt);

/// <summary>
/// Replayed steps are not analysed again. A run replays the stack down to the node that moved on, and
/// what the analysis computes for a replayed step is what it computed the last time: the same step,
/// after the same steps, with the same clocks. Its races add backtrack entries to nodes above it that
/// are still there (a node above does not move on before every node below it is done), so adding them
/// again changes nothing (AddBacktrack returns as soon as it meets an entry already there). So the
/// analysis keeps what it had when the node that moved on was first reached (<see cref="ReplayMark"/>)
/// and skips the steps recorded before it, and the time advances between them.
/// </summary>
/// <remarks>
/// A time advance right after the last kept step is analysed again. The mark of a thread node is
/// taken after it, and analysing it again changes nothing: its pending races add entries already
/// there, and its barrier joins clocks that are already one join. A data choice made while time
/// moves (none is made today: timers due together fire in arming order) would take its mark before
/// the barrier, which must then run.
/// </remarks>
internal sealed partial class DporStrategy
{
    // How many steps (callbacks of OnStepCompleted) of this run the kept events already hold, and how many came so far.
    private int _keptSteps;
    private int _stepsThisRun;

    /// <summary>Tests only: analyse every replayed step again and check, at the node that moved on, that the analysis rebuilt equals the one that would have been kept (DporStrategy.ReplayCheck.cs).</summary>
    internal bool VerifyKeptAnalysis { get; init; }

    /// <summary>What a node made now keeps for the runs that replay it; null without the race analysis.</summary>
    private ReplayMark? Mark() => !_raceAnalysis ? null :
        new(_events.Count, _clockChanges.Count, _threadClocks.Count, _daemonEvents.Count, _endEvents.Count, _globalEvents.Count, _pendingReversedAt);

    /// <summary>True while the callback at hand is a replayed step's, already analysed.</summary>
    private bool ReplayedStep() => _stepsThisRun++ < _keptSteps;

    /// <summary>True while a time advance at hand comes before the last kept step, already analysed.</summary>
    private bool ReplayedAdvance() => _stepsThisRun < _keptSteps;

    /// <summary>Starts a run that replays down to <paramref name="node"/> (at <paramref name="index"/> on the stack) with the analysis it had there.</summary>
    private void KeepAnalysisUpTo(DporNode node, int index)
    {
        _stepsThisRun = 0;
        if (!_raceAnalysis || node.Mark is not { } mark)
        {
            ForgetAnalysis();
            return;
        }

        _keptSteps = mark.Events;
        _events.RemoveRange(mark.Events, _events.Count - mark.Events);
        foreach (var list in _eventsByObject.Values)
        {
            var keep = list.Count;
            while (keep > 0 && list[keep - 1] >= mark.Events)
            {
                keep--;
            }

            list.RemoveRange(keep, list.Count - keep);
        }

        UndoClockChanges(mark.ClockChanges, mark.ClockCount);
        _daemonEvents.RemoveRange(mark.DaemonEvents, _daemonEvents.Count - mark.DaemonEvents);
        _endEvents.RemoveRange(mark.EndEvents, _endEvents.Count - mark.EndEvents);
        _globalEvents.RemoveRange(mark.GlobalEvents, _globalEvents.Count - mark.GlobalEvents);
        _pendingReversedAt = mark.PendingReversedAt;
        if (VerifyKeptAnalysis)
        {
            ExpectKeptAnalysis(index);
        }
    }

    /// <summary>Starts a run whose every step is analysed.</summary>
    private void ForgetAnalysis()
    {
        _stepsThisRun = 0;
        _keptSteps = 0;
        _pendingReversedAt = -1;
        _events.Clear();
        foreach (var list in _eventsByObject.Values)
        {
            list.Clear();
        }

        _threadClocks.Clear();
        _clockChanges.Clear();
        _daemonEvents.Clear();
        _endEvents.Clear();
        _globalEvents.Clear();
    }
}
