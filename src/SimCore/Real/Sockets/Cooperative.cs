using SimHarness.Greenlets;
using SimHarness.Simulation;

namespace SimHarness.Real.Sockets;

/// <summary>gevent sockets on the real backend: a pending OS operation parks the greenlet in its hub, whose other greenlets run meanwhile.</summary>
internal static class Cooperative
{
    /// <summary>Awaits <paramref name="op"/>; for a gevent socket, from the hub instead of holding the thread.</summary>
    public static async Task<T> AwaitAsync<T>(World world, bool cooperative, Task<T> op, string what)
    {
        if (cooperative && !op.IsCompleted)
        {
            HubIoWait io;
            using (world.Atomic())
            {
                io = Hub.Get(world).BeginIoWait(what);
                world.PendingRealIo++;
            }

            // The completion comes on a pool thread: it only signals, atomically; the greenlet
            // itself resumes on its own thread when the hub next looks.
#pragma warning disable RS0030 // the real backend's completions arrive on the thread pool by design
            _ = op.ContinueWith(
                _ =>
                {
                    using var atomic = world.Atomic();
                    world.PendingRealIo--;
                    io.Signal(world);
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
#pragma warning restore RS0030
            await io.Hub.WaitIoAsync(io);
        }

        return await op;
    }

    /// <summary>As <see cref="AwaitAsync{T}"/> for an operation without a result.</summary>
    public static Task AwaitAsync(World world, bool cooperative, Task op, string what) =>
        AwaitAsync(world, cooperative, WithUnit(op), what);

    private static async Task<bool> WithUnit(Task op)
    {
        await op;
        return true;
    }
}
