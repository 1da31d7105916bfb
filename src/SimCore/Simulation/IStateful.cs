namespace SimHarness.Simulation;

/// <summary>A shared simulated object whose state goes into the world's state digest (docs/state-caching.md).</summary>
/// <remarks>
/// Every object that more than one thread can touch registers itself with <see cref="World.Track"/>
/// and writes everything that can change what a later step of any thread does or observes: values,
/// items, buffers, flags, and its queues of waiting threads in order. What a thread already took
/// out of an object is not the object's state but the thread's observation (<see cref="World.Observe"/>).
/// An object kind that cannot be digested calls <see cref="World.Untracked"/> instead: a run that
/// creates one is never merged with another by the state cache.
/// </remarks>
internal interface IStateful
{
    /// <summary>Writes the object's state.</summary>
    void WriteState(StateWriter state);
}
