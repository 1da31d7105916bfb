using System.Globalization;
using SimHarness.Simulation;

namespace SimHarness.Threading;

// Python's task tracking (task_done, join): the counter of unfinished items and who waits for it to reach zero.
public partial class Queue<T>
{
    /// <summary>Marks one fetched item as processed; the last one wakes every <see cref="JoinAsync"/>.</summary>
    /// <exception cref="ValueError">More calls than items put.</exception>
    public async Task TaskDoneAsync()
    {
        var me = _world.CurrentThread;
        await _world.StepAsync(me, new Access(_id, AccessKind.Write, "task_done"));
        using var _ = _world.Atomic();
        if (_unfinished <= 0)
        {
            _world.Record(me, "task_done", _id, nameof(ValueError), null);
            throw new ValueError("task_done() called too many times");
        }

        if (--_unfinished == 0)
        {
            foreach (var w in _joiners)
            {
                _world.Wake(w, WakeReason.Signaled);
            }

            _joiners.Clear();
        }

        _world.Record(me, "task_done", _id, _unfinished.ToString(CultureInfo.InvariantCulture), null);
    }

    /// <summary>Waits until every item put has been marked done by <see cref="TaskDoneAsync"/>.</summary>
    public async Task JoinAsync()
    {
        var me = _world.CurrentThread;
        var guard = new StepGuard(() => _unfinished == 0, -1, $"join {Name}");
        while (true)
        {
            await _world.StepAsync(me, new Access(_id, AccessKind.Wait, "join"), guard);
            Waiter w;
            using (_world.Atomic())
            {
                if (_unfinished == 0)
                {
                    _world.Record(me, "join", _id, "done", null);
                    return;
                }

                _world.Record(me, "join", _id, "blocked", null);
                w = _world.Block(me, _id, $"join {Name}", -1);
                _joiners.Add(w);
            }

            await World.AwaitWakeAsync(w);
        }
    }
}
