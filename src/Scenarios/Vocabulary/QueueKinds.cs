namespace SimHarness.Scenarios.Vocabulary;

// Inside the namespace, so the harness's types win over System.Collections.Generic's and System.Threading's.
using SimHarness.Threading;

/// <summary>
/// Python's <c>queue</c> classes as CPython 3.11 prints them: <c>LifoQueue</c>, <c>PriorityQueue</c>
/// (heapq's order, ties included), <c>SimpleQueue</c>, a <c>Queue</c> subclass over CPython's
/// storage hooks, and <c>maxsize</c> read and changed.
/// </summary>
/// <remarks>The twin of tests/fidelity/threading/queue_kinds.py, call for call; every line is the same under every schedule.</remarks>
public sealed class QueueKinds : Scenario
{
    /// <inheritdoc />
    public override string Description => "queue as CPython 3.11 prints it: LifoQueue, PriorityQueue (heapq ties), SimpleQueue, a Queue subclass over _init/_qsize/_put/_get, maxsize changed";

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        var lq = sim.NewLifoQueue<string>(2);
        await lq.PutAsync("a");
        await lq.PutAsync("b");
        await PyLines.Err(sim, () => lq.PutAsync("c", block: false));
        await sim.PrintAsync($"{PyLines.Bool(await lq.IsFullAsync())} ['{await lq.GetAsync()}', '{await lq.GetAsync()}'] {PyLines.Bool(await lq.IsEmptyAsync())}");

        var pq = sim.NewPriorityQueue(comparer: Comparer<(int Priority, string Name)>.Create((x, y) => x.Priority.CompareTo(y.Priority)));
        foreach (var job in new[] { (2, "a"), (1, "b"), (2, "c"), (1, "d"), (2, "e"), (1, "f"), (3, "g"), (1, "h") })
        {
            await pq.PutAsync(job);
        }

        var names = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            names.Add($"'{(await pq.GetAsync()).Name}'");
        }

        await sim.PrintAsync($"[{string.Join(", ", names)}]");
        var nums = sim.NewPriorityQueue<int>(3);
        foreach (var n in new[] { 5, 1, 4 })
        {
            await nums.PutAsync(n);
        }

        await PyLines.Err(sim, () => nums.PutAsync(0, timeout: 0));
        await sim.PrintAsync($"[{await nums.GetAsync()}, {await nums.GetAsync()}, {await nums.GetAsync()}]");

        var sq = sim.NewSimpleQueue<string>();
        await PyLines.Err(sim, async () => await sq.GetNowaitAsync());
        await PyLines.Err(sim, async () => await sq.GetAsync(timeout: -1));
        await sq.PutAsync("x");
        await sq.PutNowaitAsync("y");
        await sim.PrintAsync($"{await sq.QsizeAsync()} {PyLines.Bool(await sq.IsEmptyAsync())} {await sq.GetAsync()} {await sq.GetNowaitAsync()} {PyLines.Bool(await sq.IsEmptyAsync())}");

        var uq = new UniqueQueue(sim);
        foreach (var x in "abacb")
        {
            await uq.PutAsync(x.ToString());
        }

        var size = await uq.QsizeAsync();
        var unique = new List<string>();
        for (var i = 0; i < size; i++)
        {
            unique.Add($"'{await uq.GetAsync()}'");
        }

        await sim.PrintAsync($"{size} [{string.Join(", ", unique)}]");

        var q = sim.NewQueue<int>(1);
        await q.PutAsync(1);
        await sim.PrintAsync($"{q.Maxsize} {PyLines.Bool(await q.IsFullAsync())}");
        await q.SetMaxsizeAsync(2);
        await sim.PrintAsync($"{q.Maxsize} {PyLines.Bool(await q.IsFullAsync())}");
        await q.PutAsync(2);
        await sim.PrintAsync($"{PyLines.Bool(await q.IsFullAsync())} {await q.QsizeAsync()}");

        var got = new List<int>();
        var pq2 = sim.NewPriorityQueue<int>();
        async Task consumer() => got.Add(await pq2.GetAsync());
        var c = await sim.CreateThreadAsync(consumer);
        await c.StartAsync();
        await pq2.PutAsync(7);
        await c.JoinAsync();
        await sim.PrintAsync($"[{string.Join(", ", got)}]");
    }

    /// <summary>Python's <c>class UniqueQueue(queue.Queue)</c>: a FIFO queue that drops an item already waiting in it, over CPython's four hooks.</summary>
    private sealed class UniqueQueue(ISim sim) : Queue<string>(sim)
    {
        private List<string> _items = [];

        protected override void Init(int maxsize) => _items = [];

        protected override int QsizeCore() => _items.Count;

        protected override void PutCore(string item)
        {
            if (!_items.Contains(item))
            {
                _items.Add(item);
            }
        }

        protected override string GetCore()
        {
            var item = _items[0];
            _items.RemoveAt(0);
            return item;
        }
    }
}
