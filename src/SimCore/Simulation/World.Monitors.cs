using System.Collections.Concurrent;
using System.Reflection;

namespace SimHarness.Simulation;

internal sealed partial class World
{
    private Monitor[] _monitors = [];

    // Per monitor, whether its type overrides IsHot: one that does not is never hot, and Heat is skipped.
    private bool[] _mayBeHot = [];

    private static readonly ConcurrentDictionary<Type, bool> s_overridesIsHot = new();

    // Events already shown to the monitors: a time advance's tick is appended without Record, so
    // it is delivered just before the wake-up that always follows it.
    private int _eventsMonitored;

    /// <summary>The run's monitors, in the order the scenario gave them.</summary>
    internal IReadOnlyList<Monitor> Monitors => _monitors;

    /// <summary>Gives the run its monitors; call once, before the run starts.</summary>
    internal void AttachMonitors(IEnumerable<Monitor> monitors)
    {
        _monitors = monitors.ToArray();
        _mayBeHot = new bool[_monitors.Length];
        for (var i = 0; i < _monitors.Length; i++)
        {
            var m = _monitors[i];
            m.HotSince = m.IsHot ? Steps : -1;
            m.HotSteps = 0;
            _mayBeHot[i] = s_overridesIsHot.GetOrAdd(m.GetType(), OverridesIsHot);
        }
    }

    /// <summary>Shows the monitors every event recorded since the last call; the first violation ends the run at this step.</summary>
    private void FeedMonitors()
    {
        while (_eventsMonitored < _events.Count && !Ended)
        {
            var e = _events[_eventsMonitored++];
            for (var i = 0; i < _monitors.Length; i++)
            {
                var m = _monitors[i];
                var message = m.OnEvent(e) ?? (_mayBeHot[i] ? Heat(m) : null);
                if (message is not null)
                {
                    // The step that recorded the event ends the run, as a thread's failed assertion does.
                    Violate(m.Name, message, raisedByThread: true);
                    return;
                }
            }
        }
    }

    /// <summary>Whether <paramref name="type"/> or a class between it and <see cref="Monitor"/> overrides <see cref="Monitor.IsHot"/>.</summary>
    private static bool OverridesIsHot(Type type)
    {
        const BindingFlags declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        for (var t = type; t is not null && t != typeof(Monitor); t = t.BaseType)
        {
            if (t.GetProperty(nameof(Monitor.IsHot), declared)?.GetMethod is { } getter && getter.GetBaseDefinition().DeclaringType == typeof(Monitor))
            {
                return true;
            }
        }

        return false;
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
