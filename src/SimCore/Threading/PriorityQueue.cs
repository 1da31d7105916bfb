namespace SimHarness.Threading;

/// <summary>Python's <c>queue.PriorityQueue</c>: the lowest item first; CPython's subclass of <see cref="Queue{T}"/> over a <c>heapq</c> heap.</summary>
/// <typeparam name="T">The items' type (a tuple such as <c>(int Priority, string Job)</c> compares as Python's tuples do).</typeparam>
/// <remarks>
/// The heap is <c>heapq</c>'s algorithm step for step (<c>heappush</c> sifts down, <c>heappop</c>
/// sifts up to a leaf, then down), so items that compare equal come out in the order CPython's
/// come out, not merely some order.
/// </remarks>
#pragma warning disable CA1711 // Python's name for the type (queue.PriorityQueue).
public class PriorityQueue<T> : Queue<T>
#pragma warning restore CA1711
{
    private readonly IComparer<T> _comparer;
    private List<T> _heap = [];

    private protected override IReadOnlyCollection<T> StoredItems => _heap;

    /// <summary>Python's <c>queue.PriorityQueue(maxsize)</c> (not a step).</summary>
    /// <param name="sim">The world.</param>
    /// <param name="maxsize">The bound; zero or negative is unbounded.</param>
    /// <param name="comparer">The items' order (Python's <c>&lt;</c>); by default <see cref="Comparer{T}.Default"/>.</param>
    /// <param name="name">The name in traces.</param>
    public PriorityQueue(ISim sim, int maxsize = 0, IComparer<T>? comparer = null, string? name = null)
        : base(sim, maxsize, name)
    {
        _comparer = comparer ?? Comparer<T>.Default;
    }

    /// <inheritdoc />
    protected override void Init(int maxsize) => _heap = [];

    /// <inheritdoc />
    protected override int QsizeCore() => _heap.Count;

    /// <inheritdoc />
    protected override void PutCore(T item)
    {
        _heap.Add(item);
        SiftDown(0, _heap.Count - 1);
    }

    /// <inheritdoc />
    protected override T GetCore()
    {
        var last = _heap[^1];
        _heap.RemoveAt(_heap.Count - 1);
        if (_heap.Count == 0)
        {
            return last;
        }

        var top = _heap[0];
        _heap[0] = last;
        SiftUp(0);
        return top;
    }

    private bool Less(T a, T b) => _comparer.Compare(a, b) < 0;

    /// <summary>heapq's <c>_siftdown(heap, startpos, pos)</c>: moves the item at <paramref name="pos"/> up towards the root.</summary>
    private void SiftDown(int start, int pos)
    {
        var item = _heap[pos];
        while (pos > start)
        {
            var parentPos = (pos - 1) >> 1;
            var parent = _heap[parentPos];
            if (!Less(item, parent))
            {
                break;
            }

            _heap[pos] = parent;
            pos = parentPos;
        }

        _heap[pos] = item;
    }

    /// <summary>heapq's <c>_siftup(heap, pos)</c>: the smaller child moves up until a leaf, then the item sifts down into place.</summary>
    private void SiftUp(int pos)
    {
        var end = _heap.Count;
        var start = pos;
        var item = _heap[pos];
        var child = (2 * pos) + 1;
        while (child < end)
        {
            var right = child + 1;
            if (right < end && !Less(_heap[child], _heap[right]))
            {
                child = right;
            }

            _heap[pos] = _heap[child];
            pos = child;
            child = (2 * pos) + 1;
        }

        _heap[pos] = item;
        SiftDown(start, pos);
    }
}
