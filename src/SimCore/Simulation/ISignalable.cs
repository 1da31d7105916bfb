namespace SimHarness.Simulation;

/// <summary>Something a signal wakes: a blocked thread (<see cref="Waiter"/>) or a greenlet parked in its hub.</summary>
/// <remarks>Signalled inside an atomic section; a second signal, or one after a timeout, does nothing.</remarks>
internal interface ISignalable
{
    /// <summary>True once woken (or given up): later signals are ignored.</summary>
    bool Done { get; }

    /// <summary>Wakes the waiting party.</summary>
    void Signal(World world);

    /// <summary>Writes who waits and whether it was woken, for the state digest.</summary>
    void WriteIdentity(StateWriter state);
}
