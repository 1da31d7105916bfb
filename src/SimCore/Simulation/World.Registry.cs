using SimHarness.Threading;

namespace SimHarness.Simulation;

/// <summary>Python's <c>threading.enumerate()</c> and <c>active_count()</c>: a snapshot of the thread record that the reduction can see.</summary>
/// <remarks>
/// A step declares one object, but the snapshot reads every thread's. So it is taken in steps that
/// each declare what they read: the thread counter, every thread once, every unfinished thread
/// again, the counter again; when nothing changed between the two passes the snapshot holds at the
/// instant between them (a thread's status only moves forward: created, alive, finished; the
/// counter only grows), otherwise it starts over. That is CPython's atomic snapshot, taken at an
/// instant inside the call, with every conflict declared.
/// </remarks>
internal sealed partial class World
{
    public async Task<IReadOnlyList<SimThread>> EnumerateAsync()
    {
        var me = CurrentThread;
        while (true)
        {
            var count = await ReadCounterAsync(me, "enumerate");
            var known = _threads.Take(count).ToArray();
            var first = new ThreadStatus[known.Length];
            for (var i = 0; i < known.Length; i++)
            {
                first[i] = ReferenceEquals(known[i], me) ? ThreadStatus.Runnable : await ReadThreadAsync(known[i], "enumerate", Lifecycle);
            }

            var same = true;
            for (var i = 0; i < known.Length && same; i++)
            {
                if (first[i] != ThreadStatus.Finished && !ReferenceEquals(known[i], me))
                {
                    same = await ReadThreadAsync(known[i], "enumerate", Lifecycle) == first[i];
                }
            }

            if (same && await ReadCounterAsync(me, "enumerate") == count)
            {
                return known.Where((_, i) => first[i] == ThreadStatus.Runnable).OrderBy(t => t.StartSequence).ToArray();
            }
        }
    }

    public async Task<int> ActiveCountAsync() => (await EnumerateAsync()).Count;

    public Local<T> NewLocal<T>(Func<T>? initial = null) => new(this, initial);

    /// <summary>Created, alive (runnable or blocked, as one) or finished.</summary>
    private static ThreadStatus Lifecycle(SimThread t) =>
        t.Status == ThreadStatus.Blocked ? ThreadStatus.Runnable : t.Status;

    private async Task<int> ReadCounterAsync(SimThread me, string op)
    {
        await StepAsync(me, new Access(ThreadCounterObjectId, AccessKind.Read, op));
        using var _ = Atomic();
        var count = _threads.Count;
        Record(me, op, ThreadCounterObjectId, count.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
        return count;
    }
}
