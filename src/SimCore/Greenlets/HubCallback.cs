namespace SimHarness.Greenlets;

/// <summary>A callback of a hub (a ready entry, a timer's action, a greenlet's link) with what the state digest says of it.</summary>
/// <remarks>
/// The description must decide what running the callback does, given the rest of the described
/// state of its thread. A callback with no description (null) keeps its thread's digest at the
/// thread's whole history while it is pending (docs/state-caching.md, "Checkpoints").
/// </remarks>
/// <param name="run">What the hub runs.</param>
/// <param name="describe">Writes what decides the callback's effect; null when that cannot be said.</param>
/// <param name="endsWithSwitch">True when a switch is the callback's last action: a hub parked in it has nothing left to do there.</param>
internal sealed class HubCallback(Func<Task> run, Action<StateWriter>? describe, bool endsWithSwitch = true)
{
    public Func<Task> Run { get; } = run;

    public Action<StateWriter>? Describe { get; } = describe;

    public bool EndsWithSwitch { get; } = endsWithSwitch;
}

/// <summary>A link of a spawned greenlet (run once when it ends), with what the state digest says of it (null: cannot be said).</summary>
internal sealed class HubLink(Func<HubGreenlet, Task> run, Action<StateWriter>? describe)
{
    public Func<HubGreenlet, Task> Run { get; } = run;

    public Action<StateWriter>? Describe { get; } = describe;
}
