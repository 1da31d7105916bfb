using SimHarness.Simulation;

namespace SimHarness.Threading;

/// <summary>Python's <c>threading.local()</c>: one value per thread; no thread sees another's.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <remarks>
/// Nothing here is shared between threads, so reads and writes are not steps (they commute with
/// every other thread's steps). Reading a value the thread never set (and no initializer makes)
/// raises <see cref="AttributeError"/>, as CPython does.
/// </remarks>
public sealed class Local<T>
{
    private readonly World _world;
    private readonly Func<T>? _initial;
    private readonly Dictionary<SimThread, T> _values = [];

    internal Local(World world, Func<T>? initial)
    {
        _world = world;
        _initial = initial;
    }

    /// <summary>The calling thread's value.</summary>
    /// <exception cref="AttributeError">The thread has no value and there is no initializer.</exception>
    public T Value
    {
        get
        {
            var me = _world.CurrentThread;
            using (_world.Atomic())
            {
                if (_values.TryGetValue(me, out var v))
                {
                    return v;
                }
            }

            if (_initial is null)
            {
                throw new AttributeError("'_thread._local' object has no attribute 'value'");
            }

            var made = _initial();
            using (_world.Atomic())
            {
                _values[me] = made;
            }

            return made;
        }

        set
        {
            var me = _world.CurrentThread;
            using var _ = _world.Atomic();
            _values[me] = value;
        }
    }

    /// <summary>Whether the calling thread has a value (Python's <c>hasattr</c>; an initializer does not count until a read runs it).</summary>
    public bool HasValue
    {
        get
        {
            var me = _world.CurrentThread;
            using var _ = _world.Atomic();
            return _values.ContainsKey(me);
        }
    }

    /// <summary>Python's <c>del local.value</c> for the calling thread.</summary>
    public void Delete()
    {
        var me = _world.CurrentThread;
        using var _ = _world.Atomic();
        _values.Remove(me);
    }
}
