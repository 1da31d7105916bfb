namespace SimHarness.Simulation;

/// <summary>
/// Versions of the objects steps declare, so that a disabled guard is tested again only after a step
/// touched its object (<see cref="StepGuard"/>): with a thousand threads parked at disabled gates,
/// testing every guard before every step made one run quadratic.
/// </summary>
/// <remarks>
/// Sound because a guard reads only the state of the object its step declares, and every step that
/// changes an object declares it (the rule the reduction rests on too). A change made outside that
/// rule (a listener's close resetting the connections in its backlog) calls <see cref="InvalidateGuards"/>.
/// A guard that reads something that only turns it false (the fault budget) may be offered once more
/// than needed: its step then blocks as it would without a guard.
/// </remarks>
internal sealed partial class World
{
    private readonly List<int> _objectVersions = [];
    private int _guardEpoch;

    /// <summary>The version of <paramref name="objectId"/> as guards see it: changes whenever a step declaring it passes its gate.</summary>
    internal long GuardVersion(int objectId) =>
        ((long)_guardEpoch << 32) | (uint)(objectId < _objectVersions.Count ? _objectVersions[objectId] : 0);

    /// <summary>Makes every cached guard test stale: state changed outside the declared objects.</summary>
    internal void InvalidateGuards() => _guardEpoch++;

    /// <summary>Bumped by <see cref="InvalidateGuards"/>: every guard must be tested again.</summary>
    internal int GuardEpoch => _guardEpoch;

    /// <summary>When set (by the built-in executor), every object a step declared since the list was last cleared (GateSets).</summary>
    internal List<int>? TouchedObjects { get; init; }

    private void BumpGuardVersion(int objectId)
    {
        if (objectId < 0)
        {
            return;
        }

        while (_objectVersions.Count <= objectId)
        {
            _objectVersions.Add(0);
        }

        _objectVersions[objectId]++;
        TouchedObjects?.Add(objectId);
    }
}
