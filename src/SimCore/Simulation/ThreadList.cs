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
    private SimThread[] _items = new SimThread[4];
    private int _count;
    private Enumerator? _spare;

    public int Count => _count;

    public bool IsReadOnly => true;

    public SimThread this[int index]
    {
        get => (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));
        set => throw new NotSupportedException();
    }

    /// <summary>Appends a thread.</summary>
    public void Add(SimThread item)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _count * 2);
        }

        _items[_count++] = item;
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

        var i = ~at;
        Array.Copy(_items, i, _items, i + 1, _count - i);
        _items[i] = item;
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
        Array.Copy(_items, at + 1, _items, at, _count - at);
        _items[_count] = null!;
        return true;
    }

    private int Search(int id)
    {
        int lo = 0, hi = _count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = _items[mid].Id.CompareTo(id);
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
            if (ReferenceEquals(_items[i], item))
            {
                return i;
            }
        }

        return -1;
    }

    public void CopyTo(SimThread[] array, int arrayIndex) => Array.Copy(_items, 0, array, arrayIndex, _count);

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

    private sealed class Enumerator(ThreadList owner) : IEnumerator<SimThread>
    {
        private int _index = -1;

        public SimThread Current => owner._items[_index];

        object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < owner._count;

        public void Reset() => _index = -1;

        // Back to the list for the next walk.
        public void Dispose() => owner._spare = this;
    }
}
