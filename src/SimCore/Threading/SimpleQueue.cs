namespace SimHarness.Threading;

/// <summary>Python's <c>queue.SimpleQueue</c>: an unbounded FIFO queue without task tracking (no <c>maxsize</c>, <c>full</c>, <c>task_done</c> or <c>join</c>).</summary>
/// <typeparam name="T">The items' type.</typeparam>
/// <remarks>A put never blocks; get blocks and times out as <see cref="Queue{T}"/>'s does. Every call is one step on the queue, declared as <see cref="Queue{T}"/>'s are.</remarks>
#pragma warning disable CA1711 // Python's name for the type (queue.SimpleQueue).
public sealed class SimpleQueue<T>
#pragma warning restore CA1711
{
    private readonly Queue<T> _queue;

    /// <summary>Python's <c>queue.SimpleQueue()</c> (not a step).</summary>
    public SimpleQueue(ISim sim, string? name = null) => _queue = new Queue<T>(sim, 0, name ?? "simplequeue");

    /// <summary>The queue's name in traces (<c>simplequeue#5</c>).</summary>
    public string Name => _queue.Name;

    /// <summary>Python's <c>put(item, block=True, timeout=None)</c>: never blocks; the arguments are ignored, as in CPython.</summary>
    public Task PutAsync(T item, bool block = true, decimal? timeout = null)
    {
        _ = block;
        _ = timeout;
        return _queue.PutAsync(item);
    }

    /// <summary>Python's <c>put_nowait(item)</c>.</summary>
    public Task PutNowaitAsync(T item) => _queue.PutAsync(item);

    /// <summary>Python's <c>get(block, timeout)</c>.</summary>
    /// <exception cref="Empty">The queue stayed empty.</exception>
    /// <exception cref="ValueError">A negative timeout.</exception>
    public Task<T> GetAsync(bool block = true, decimal? timeout = null) => _queue.GetAsync(block, timeout);

    /// <summary>Python's <c>get_nowait()</c>.</summary>
    public Task<T> GetNowaitAsync() => _queue.GetNowaitAsync();

    /// <summary>Python's <c>qsize()</c> (a step that reads the queue).</summary>
    public Task<int> QsizeAsync() => _queue.QsizeAsync();

    /// <summary>Python's <c>empty()</c> (a step that reads the queue).</summary>
    public Task<bool> IsEmptyAsync() => _queue.IsEmptyAsync();
}
