using SimHarness.Simulation;

namespace SimHarness.Greenlets;

/// <summary>What the state digest says of a hub.</summary>
public sealed partial class Hub
{
    void IStateful.WriteState(StateWriter state)
    {
        // The rest of a hub (ready queue, timers, greenlets) is its thread's own doing, a function of
        // what that thread observed (or, for a thread whose greenlets declare checkpoints, described
        // by TryDescribe in the thread's digest); only the signals other threads' steps queued are not.
        // A wait is named by its greenlet (a greenlet waits on one socket at a time), not by a number
        // counting every wait of the run, which would keep apart states that differ only in how many
        // waits led to them.
        state.Add(Owner.Thread.Id).Add(_signaled.Count);
        foreach (var io in _signaled)
        {
            state.Add(io.Wait.Greenlet.ObjectId);
        }
    }

    /// <summary>
    /// Writes the hub's queues for its thread's digest: the ready callbacks in order, the live timers in
    /// firing order, the greenlets waiting on sockets. False when one has no description, or when the
    /// hub is parked inside a callback with work left in it.
    /// </summary>
    /// <remarks>
    /// Where the hub's own code stands needs no more: when it runs (is the current greenlet) at a
    /// point between steps it is idle, blocked until a timer or a signal (the thread's blocking is in
    /// the world's digest); otherwise it is parked in the switch of a callback whose switch is its
    /// last action, or in the switch that ends the loop, and both go back to the top of the loop.
    /// Timers are written in firing order without their arming numbers, which only order them.
    /// </remarks>
    internal bool TryDescribe(StateWriter w)
    {
        if (_running is { EndsWithSwitch: false })
        {
            return false;
        }

        w.Add(ExploreTies).Add(_ready.Count);
        foreach (var c in _ready)
        {
            if (c.Describe is not { } describe)
            {
                return false;
            }

            describe(w);
        }

        var timers = _timers.UnorderedItems.Where(static x => !x.Element.Cancelled).OrderBy(static x => x.Priority).ToList();
        w.Add(timers.Count);
        foreach (var (t, _) in timers)
        {
            if (t.Fire.Describe is not { } describe)
            {
                return false;
            }

            w.Add(t.Deadline);
            describe(w);
        }

        var live = 0;
        foreach (var io in _io)
        {
            if (!io.Done)
            {
                live++;
                w.Add(io.Wait.Greenlet.ObjectId).Add(io.What);
            }
        }

        w.Add(live);
        return true;
    }
}
