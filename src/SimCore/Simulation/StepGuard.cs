namespace SimHarness.Simulation;

/// <summary>When a pending step can take effect: a thread whose next operation would block is not enabled (acquiring a held lock, getting from an empty queue).</summary>
/// <remarks>
/// The built-in scheduler offers only enabled threads, so the search orders the operations that take
/// effect instead of failed attempts (semantics rule "Blocking is not a step"). A guard with a
/// deadline becomes enabled when virtual time reaches it: the step then runs and times out. Coyote
/// and the real backend ignore guards: there the step runs, finds the object busy and blocks as
/// before, which has the same outcomes.
/// </remarks>
/// <param name="canStep">True when the operation would take effect now. Reads simulated state only, changes nothing.</param>
/// <param name="deadlineMicros">Absolute virtual time at which the operation gives up, or -1.</param>
/// <param name="what">What the thread waits for, as a deadlock report names it (<c>acquire lock#2</c>).</param>
internal sealed class StepGuard(Func<bool> canStep, long deadlineMicros, string what)
{
    public long DeadlineMicros { get; } = deadlineMicros;

    public string What { get; } = what;

    private World? _world;

    /// <summary>The object whose state the guard reads, or -1 before it is attached (or when it names none).</summary>
    internal int ObjectId => _objectId;
    private int _objectId = -1;
    private long _disabledAt = -1;

    /// <summary>Ties the guard to the world and the object its step declares, whose version tells when to test it again.</summary>
    internal StepGuard Attach(World world, int objectId)
    {
        _world = world;
        _objectId = objectId;
        _disabledAt = -1;
        return this;
    }

    /// <summary>True when the step would take effect, or its deadline has passed.</summary>
    /// <remarks>A test that found the step disabled is not repeated until a step touched the declared object (<see cref="World.GuardVersion"/>).</remarks>
    public bool IsEnabled(long nowMicros)
    {
        if (DeadlineMicros >= 0 && nowMicros >= DeadlineMicros)
        {
            return true;
        }

        if (_world is null || _objectId < 0)
        {
            return canStep();
        }

        var version = _world.GuardVersion(_objectId);
        if (version == _disabledAt)
        {
            return false;
        }

        if (canStep())
        {
            return true;
        }

        _disabledAt = version;
        return false;
    }
}
