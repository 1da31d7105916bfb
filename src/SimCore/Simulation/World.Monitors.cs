namespace SimHarness.Simulation;

internal sealed partial class World
{
    private Monitor[] _monitors = [];

    // Events already shown to the monitors: a time advance's tick is appended without Record, so
    // it is delivered just before the wake-up that always follows it.
    private int _eventsMonitored;

    /// <summary>The run's monitors, in the order the scenario gave them.</summary>
    internal IReadOnlyList<Monitor> Monitors => _monitors;

    /// <summary>Gives the run its monitors; call once, before the run starts.</summary>
    internal void AttachMonitors(IEnumerable<Monitor> monitors)
    {
        _monitors = monitors.ToArray();
        foreach (var m in _monitors)
        {
            m.HotSince = m.IsHot ? Steps : -1;
            m.HotSteps = 0;
        }
    }

    /// <summary>Shows the monitors every event recorded since the last call; the first violation ends the run at this step.</summary>
    private void FeedMonitors()
    {
        while (_eventsMonitored < _events.Count && !Ended)
        {
            var e = _events[_eventsMonitored++];
            foreach (var m in _monitors)
            {
                var message = m.OnEvent(e) ?? Heat(m);
                if (message is not null)
                {
                    // The step that recorded the event ends the run, as a thread's failed assertion does.
                    Violate(m.Name, message, raisedByThread: true);
                    return;
                }
            }
        }
    }

    /// <summary>Counts the world's steps a monitor has stayed hot; more than its temperature is a liveness violation.</summary>
    private string? Heat(Monitor m)
    {
        if (!m.IsHot)
        {
            m.HotSince = -1;
            m.HotSteps = 0;
            return null;
        }

        if (m.HotSince < 0)
        {
            m.HotSince = Steps;
        }

        m.HotSteps = Steps - m.HotSince;
        return m.Temperature is { } limit && m.HotSteps > limit
            ? $"liveness: {m.Description}: still owed after {m.HotSteps} steps (temperature {limit})"
            : null;
    }
}
