namespace SimHarness.Real;

/// <summary>One simulated thread's OS thread on the real backend: its async code always resumes there.</summary>
/// <remarks>
/// A plain <c>await</c> posts its continuation to the captured <see cref="SynchronizationContext"/>.
/// Each simulated thread gets its own context whose queue only its own OS thread drains, so the
/// thread's code never runs on a pool thread or on another simulated thread's OS thread, just as a
/// Python thread's code runs on that thread alone. The OS thread exits once the body has finished.
/// </remarks>
internal sealed class RealThreadContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly object _sync = new();
    private bool _done;

    /// <summary>Queues work for this context's OS thread, from any thread.</summary>
    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_sync)
        {
            _queue.Enqueue((d, state));
            System.Threading.Monitor.Pulse(_sync);
        }
    }

    /// <summary>Runs work now: the harness never sends, so running inline is enough.</summary>
    public override void Send(SendOrPostCallback d, object? state) => d(state);

    /// <summary>The same context: a copy would break "resume on this thread".</summary>
    public override SynchronizationContext CreateCopy() => this;

    /// <summary>
    /// Runs <paramref name="body"/> on the calling OS thread and then every continuation posted to
    /// this context, until the body's task has finished and nothing is left queued.
    /// </summary>
    public void Run(Func<Task> body)
    {
        SetSynchronizationContext(this);
        try
        {
            _ = RunBodyAsync(body);
            while (Next() is { } item)
            {
                item.Callback(item.State);
            }
        }
        finally
        {
            SetSynchronizationContext(null);
        }
    }

    private async Task RunBodyAsync(Func<Task> body)
    {
        try
        {
            await body();
        }
        finally
        {
            // Runs on this context's thread (the await captured it): the loop may stop once drained.
            lock (_sync)
            {
                _done = true;
                System.Threading.Monitor.Pulse(_sync);
            }
        }
    }

    private (SendOrPostCallback Callback, object? State)? Next()
    {
        lock (_sync)
        {
            while (_queue.Count == 0)
            {
                if (_done)
                {
                    return null;
                }

                System.Threading.Monitor.Wait(_sync);
            }

            return _queue.Dequeue();
        }
    }
}
