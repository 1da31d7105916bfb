namespace SimHarness.Threading;

/// <summary>Python's <c>with</c> block over a lock, condition or semaphore: disposing it releases what <c>EnterAsync</c> acquired.</summary>
/// <remarks>Disposal is the release step; a second disposal does nothing (Python's <c>__exit__</c> runs once).</remarks>
public sealed class Scope : IAsyncDisposable
{
    private Func<Task>? _release;

    internal Scope(Func<Task> release) => _release = release;

    /// <summary>Releases (a step), once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _release, null) is { } release)
        {
            await release();
        }
    }
}
