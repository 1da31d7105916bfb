using System.Collections;

namespace SimHarness.Simulation;

/// <summary>
/// A list of threads that the built-in scheduler refills every step (the candidates, the disabled,
/// the threads a step woke) and hands to the strategy as a read-only list.
/// </summary>
/// <remarks>
/// A strategy walks these lists with <c>foreach</c> through the interface, which boxes a
/// <see cref="List{T}"/>'s enumerator on every walk: several objects per step of every run.
/// This list hands out one enumerator again and again (a new one only while it is in use, for a
/// nested walk), and being an <see cref="IList{T}"/> it lets LINQ size its results up front.
/// Read-only through the interfaces; only the scheduler adds and clears.
/// </remarks>
internal sealed class ThreadList : IList<SimThread>, IReadOnlyList<SimThread>
{
    // Up to this many threads Search walks the list instead of halving it.
    private const int LinearSearchUpTo = 8;

    // Each thread in a struct of its own: a store into an array of SimThread (a class users derive
    // from) is type-checked against the array's element type at run time; a store into an array of
    // structs is not.
    private Slot[] _items = new Slot[4];
    private int _count;
    private Enumerator? _spare;

    public int Count => _count;

    public bool IsReadOnly => true;

    public SimThread this[int index]
    {
        get => (uint)index < (uint)_count ? _items[index].Thread : throw new ArgumentOutOfRangeException(nameof(index));
        set => throw new NotSupportedException();
    }

    /// <summary>Appends a thread.</summary>
    public void Add(SimThread item)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _count * 2);
        }

        _items[_count++].Thread = item;
    }

    /// <summary>Inserts a thread into a list kept in thread-id order.</summary>
    public void InsertById(SimThread item)
    {
        if (!TryInsertById(item))
        {
            throw new InvalidOperationException($"thread {item.Id} is in the list already");
        }
    }

    /// <summary>Inserts in thread-id order; false (and nothing changes) when a thread of that id is there already.</summary>
    public bool TryInsertById(SimThread item)
    {
        var at = Search(item.Id);
        if (at >= 0)
        {
            return false;
        }

        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _count * 2);
        }

        // The lists hold a handful of threads: a loop moves the few after the place for less than
        // a call to Array.Copy's overlapping move.
        var i = ~at;
        for (var j = _count; j > i; j--)
        {
            _items[j] = _items[j - 1];
        }

        _items[i].Thread = item;
        _count++;
        return true;
    }

    /// <summary>Removes a thread from a list kept in thread-id order; false when it is not there.</summary>
    public bool RemoveById(SimThread item)
    {
        var at = Search(item.Id);
        if (at < 0)
        {
            return false;
        }

        _count--;
        for (var j = at; j < _count; j++)
        {
            _items[j] = _items[j + 1];
        }

        _items[_count].Thread = null!;
        return true;
    }

    private int Search(int id)
    {
        if (_count <= LinearSearchUpTo)
        {
            // Short lists (most of them): a walk from the front, whose branches the processor
            // predicts, beats halving, whose branches it cannot.
            for (var i = 0; i < _count; i++)
            {
                var at = _items[i].Thread.Id;
                if (at >= id)
                {
                    return at == id ? i : ~i;
                }
            }

            return ~_count;
        }

        int lo = 0, hi = _count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = _items[mid].Thread.Id.CompareTo(id);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    /// <summary>Empties the list (dropping its references, so that a finished run's threads are not kept).</summary>
    public void Clear()
    {
        Array.Clear(_items, 0, _count);
        _count = 0;
    }

    public bool Contains(SimThread item) => IndexOf(item) >= 0;

    public int IndexOf(SimThread item)
    {
        // A thread is equal only to itself (SimThread keeps object identity), so no comparer is asked.
        for (var i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_items[i].Thread, item))
            {
                return i;
            }
        }

        return -1;
    }

    public void CopyTo(SimThread[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(arrayIndex);
        if (array.Length - arrayIndex < _count)
        {
            throw new ArgumentException("the array is too short", nameof(array));
        }

        for (var i = 0; i < _count; i++)
        {
            array[arrayIndex + i] = _items[i].Thread;
        }
    }

    public IEnumerator<SimThread> GetEnumerator()
    {
        var e = _spare ?? new Enumerator(this);
        _spare = null;
        e.Reset();
        return e;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void IList<SimThread>.Insert(int index, SimThread item) => throw new NotSupportedException();

    void IList<SimThread>.RemoveAt(int index) => throw new NotSupportedException();

    bool ICollection<SimThread>.Remove(SimThread item) => throw new NotSupportedException();

    private struct Slot
    {
        public SimThread Thread;
    }

    private sealed class Enumerator(ThreadList owner) : IEnumerator<SimThread>
    {
        private int _index = -1;

        public SimThread Current => owner._items[_index].Thread;

        object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < owner._count;

        public void Reset() => _index = -1;

        // Back to the list for the next walk.
        public void Dispose() => owner._spare = this;
    }
}
