using SimHarness.Simulation;

namespace SimHarness.Sockets;

/// <summary>The scheduling point of a socket call that may block (semantics rule "Blocking is not a step").</summary>
/// <remarks>
/// A plain socket's call is offered to the scheduler once it takes effect: bytes to read, room to
/// write, a pending connection, a free backlog slot, an error, or a fault still in the budget. Its
/// guard reads only the object the step declares (the connection, or the port table for connect
/// and accept), as a lock's does. A gevent socket's call stays a step that may find the socket not
/// ready: blocking there parks only the greenlet, and what the hub runs next depends on signals from
/// every socket it waits on, which no single declared object covers (docs/semantics.md, sockets).
/// </remarks>
internal static class SocketGuard
{
    /// <summary>Waits for the scheduler before the call; a plain socket's call is offered only once <paramref name="takesEffect"/> holds.</summary>
    /// <param name="world">The world.</param>
    /// <param name="me">The calling thread.</param>
    /// <param name="access">The step's access.</param>
    /// <param name="cooperative">True for a gevent socket.</param>
    /// <param name="takesEffect">True when the call would not block. Reads simulated state only, changes nothing.</param>
    /// <param name="what">What the thread waits for, as a deadlock report names it.</param>
    public static StepGate StepAsync(World world, SimThread me, Access access, bool cooperative, Func<bool> takesEffect, string what) =>
        cooperative ? world.StepAsync(me, access) : world.StepAsync(me, access, new StepGuard(takesEffect, -1, what));
}
