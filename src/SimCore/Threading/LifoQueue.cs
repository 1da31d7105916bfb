namespace SimHarness.Threading;

/// <summary>Python's <c>queue.LifoQueue</c>: the last item put is the first got; CPython's subclass of <see cref="Queue{T}"/> over a list.</summary>
/// <typeparam name="T">The items' type.</typeparam>
#pragma warning disable CA1711 // Python's name for the type (queue.LifoQueue).
public class LifoQueue<T> : Queue<T>
#pragma warning restore CA1711
{
    private List<T> _stack = [];

    private protected override IReadOnlyCollection<T> StoredItems => _stack;

    /// <summary>Python's <c>queue.LifoQueue(maxsize)</c> (not a step).</summary>
    public LifoQueue(ISim sim, int maxsize = 0, string? name = null)
        : base(sim, maxsize, name)
    {
    }

    /// <inheritdoc />
    protected override void Init(int maxsize) => _stack = [];

    /// <inheritdoc />
    protected override int QsizeCore() => _stack.Count;

    /// <inheritdoc />
    protected override void PutCore(T item) => _stack.Add(item);

    /// <inheritdoc />
    protected override T GetCore()
    {
        var item = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return item;
    }
}
