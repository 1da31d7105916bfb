namespace SimHarness.Simulation;

/// <summary>How a step touches a simulated object, for partial-order reduction.</summary>
internal enum AccessKind : byte
{
    /// <summary>Touches nothing shared: commutes with every step.</summary>
    None,
    /// <summary>Reads the object (is_set, a wait that may find the event set): commutes with reads and registrations.</summary>
    Read,
    /// <summary>Registers a blocking wait (event wait, join): conflicts only with writes.</summary>
    Wait,
    /// <summary>Changes the object (set, clear, print, start, finish): conflicts with every other access to it.</summary>
    Write,
}

/// <summary>The object and kind of access of one step, declared at its scheduling point.</summary>
/// <param name="ObjectId">The world-assigned id of the object, or -1 for none.</param>
/// <param name="Kind">Read, registration or write.</param>
/// <param name="Op">The operation's name, as the trace shows it (set, wait, print...).</param>
internal readonly record struct Access(int ObjectId, AccessKind Kind, string Op)
{
    public static Access Local(string op) => new(-1, AccessKind.None, op);

    /// <summary>
    /// The step may also change state other than <see cref="ObjectId"/>'s that no one object names
    /// (a listener's close resets every connection still in its backlog, known only when it runs; a
    /// thread started by another thread than main takes a place in the world's start order): it
    /// conflicts with every step that touches any object.
    /// </summary>
    public bool Global { get; init; }

    /// <summary>Two steps conflict when they touch the same object and at least one writes it, or when one is <see cref="Global"/> and the other touches an object.</summary>
    public bool ConflictsWith(Access other) =>
        (ObjectId >= 0 && ObjectId == other.ObjectId && (Kind == AccessKind.Write || other.Kind == AccessKind.Write)) ||
        (Global && other.ObjectId >= 0) || (other.Global && ObjectId >= 0);
}
