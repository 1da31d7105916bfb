using System.Globalization;
using SimHarness.Simulation;

namespace SimHarness.Threading;

/// <summary>A variable shared between simulated threads, read and written one step at a time.</summary>
/// <remarks>
/// Plain C# variables shared between threads are invisible to the harness (rule 1 of docs/semantics.md), so
/// a read-modify-write on one can never interleave. A <see cref="SharedValue{T}"/> makes every
/// read and every write its own step: <see cref="ReadAsync"/> declares a read (reads commute with
/// reads) and <see cref="WriteAsync"/> a write (conflicts with every access), so the reduction
/// explores the orders that matter, among them the lost update of <c>x = x + 1</c> in two threads.
/// Values are held as they are given: share immutable values. The event log shows each read's
/// result and each write's value, formatted with the invariant culture.
/// </remarks>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class SharedValue<T> : IStateful
{
    private readonly World _world;
    private readonly int _id;
    private T _value;

    internal SharedValue(World world, int id, T initial)
    {
        _world = world;
        _id = id;
        _value = initial;
        world.Track(this);
    }

    /// <summary>The value's name in traces (<c>value#3</c>).</summary>
    public string Name => _world.ObjectName(_id);

    /// <summary>Reads the value (a step that reads it).</summary>
    public async Task<T> ReadAsync()
    {
        var me = _world.CurrentThread;
        await _world.StepAsync(me, new Access(_id, AccessKind.Read, "read"));
        using var _ = _world.Atomic();
        _world.Record(me, "read", _id, Format(_value), null);
        return _value;
    }

    /// <summary>Writes the value (a step that writes it).</summary>
    public async Task WriteAsync(T value)
    {
        var me = _world.CurrentThread;
        await _world.StepAsync(me, new Access(_id, AccessKind.Write, "write"));
        using var _ = _world.Atomic();
        _value = value;
        _world.Record(me, "write", _id, Format(value), null);
    }

    private static string Format(T value) => value is IFormattable f
        ? f.ToString(null, CultureInfo.InvariantCulture)
        : value?.ToString() ?? "null";

    void IStateful.WriteState(StateWriter state) => state.Add(_id).Add(Format(_value));
}
