using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace SimHarness.Benchmarks;

/// <summary>
/// What .NET's async machinery alone costs per simulated step, apart from everything SimHarness does
/// in the step. The shape is the built-in scheduler's: a thread body awaits a call (an async method),
/// the call awaits a gate whose continuation the driver keeps and runs when it picks the thread, and
/// the driver drains a synchronization context's queue after each step. Four threads of twelve steps
/// make one "run", about the 49 decisions of one EventRetryLimit <c>checkDelay=3</c> run. Measured
/// with and without the synchronization context and the <c>AsyncLocal</c> that names the current
/// thread, the two pieces of the real scheduler an await pays for.
/// </summary>
public class StepMachinery
{
    private const int Threads = 4;
    private const int StepsPerThread = 12;
    private static readonly AsyncLocal<Gated?> Current = new();

    /// <summary>Whether the driver installs a synchronization context, as the built-in scheduler does.</summary>
    [Params(true, false)]
    public bool Context { get; set; }

    /// <summary>Whether each thread sets an <c>AsyncLocal</c>, as the world does to know the current thread.</summary>
    [Params(true, false)]
    public bool AsyncLocal { get; set; }

    /// <summary>One run of four threads, twelve steps each; the time is per step.</summary>
    [Benchmark(OperationsPerInvoke = Threads * StepsPerThread)]
    public int Steps()
    {
        var queue = new DrainedContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(Context ? queue : null);
        try
        {
            var threads = new Gated[Threads];
            for (var i = 0; i < Threads; i++)
            {
                threads[i] = new Gated();
                _ = BodyAsync(threads[i], AsyncLocal);
            }

            queue.Drain();
            for (var any = true; any;)
            {
                any = false;
                foreach (var t in threads)
                {
                    if (t.Continuation is { } next)
                    {
                        t.Continuation = null;
                        any = true;
                        next();
                        queue.Drain();
                    }
                }
            }

            return threads.Sum(t => t.Steps);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private static async Task BodyAsync(Gated t, bool setLocal)
    {
        if (setLocal)
        {
            Current.Value = t;
        }

        for (var i = 0; i < StepsPerThread; i += 2)
        {
            if (await ReadAsync(t))
            {
                t.Steps++;
            }

            await WriteAsync(t);
        }
    }

    private static async Task<bool> ReadAsync(Gated t)
    {
        await new Gate(t);
        t.Steps++;
        return (t.Steps & 1) == 0;
    }

    private static async Task WriteAsync(Gated t)
    {
        await new Gate(t);
        t.Steps++;
    }

    private sealed class Gated
    {
        public Action? Continuation { get; set; }

        public int Steps { get; set; }
    }

    private readonly struct Gate(Gated thread) : ICriticalNotifyCompletion
    {
        public bool IsCompleted => false;

        public Gate GetAwaiter() => this;

        public void GetResult()
        {
        }

        public void OnCompleted(Action continuation) => thread.Continuation = continuation;

        public void UnsafeOnCompleted(Action continuation) => thread.Continuation = continuation;
    }

    private sealed class DrainedContext : SynchronizationContext
    {
        private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();

        public override void Post(SendOrPostCallback d, object? state) => _queue.Enqueue((d, state));

        public void Drain()
        {
            while (_queue.TryDequeue(out var item))
            {
                item.Callback(item.State);
            }
        }
    }
}
