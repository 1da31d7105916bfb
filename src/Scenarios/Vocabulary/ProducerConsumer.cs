namespace SimHarness.Scenarios.Vocabulary;

// Inside the namespace, so Queue is the harness's and not System.Collections.Generic's.
using SimHarness.Threading;

/// <summary>The classic producer/consumer on a bounded <see cref="Queue{T}"/>, as Python's queue documentation writes it: daemon workers, task_done and join.</summary>
/// <remarks>
/// Each producer puts <see cref="Items"/> items; daemon consumers loop on get, print, task_done;
/// main joins the producers, then the queue, then prints that all work is done. The run ends
/// with the consumers still blocked in get, as daemons do.
/// </remarks>
public sealed class ProducerConsumer : Scenario
{
    internal const string AllDone = "all work done";

    /// <inheritdoc />
    public override string Description => "queue.Queue: producers put items into a bounded queue, daemon consumers get and task_done them, main joins the queue";

    /// <summary>Producer threads.</summary>
    [Param("producer threads", Min = 0, Max = 10_000)]
    public int Producers { get; set; } = 2;

    /// <summary>Consumer (daemon) threads.</summary>
    [Param("consumer threads (daemons looping on get)", Min = 1, Max = 10_000)]
    public int Consumers { get; set; } = 2;

    /// <summary>Items each producer puts.</summary>
    [Param("items each producer puts", Min = 0, Max = 100_000)]
    public int Items { get; set; } = 1;

    /// <summary>The queue's bound.</summary>
    [Param("the queue's maxsize (0 = unbounded)", Min = 0, Max = 100_000)]
    public int Maxsize { get; set; } = 1;

    /// <inheritdoc />
    public override async Task RunAsync(ISim sim)
    {
        var q = sim.NewQueue<string>(Maxsize);
        for (var c = 0; c < Consumers; c++)
        {
            var consumer = await sim.CreateThreadAsync(() => ConsumeAsync(sim, q), "consumer", daemon: true);
            await consumer.StartAsync();
        }

        var producers = new List<SimThread>();
        for (var p = 0; p < Producers; p++)
        {
            var id = p;
            producers.Add(await sim.CreateThreadAsync(() => ProduceAsync(q, id), "producer"));
        }

        foreach (var t in producers)
        {
            await t.StartAsync();
        }

        foreach (var t in producers)
        {
            await t.JoinAsync();
        }

        await q.JoinAsync();
        await sim.PrintAsync(AllDone);
    }

    /// <inheritdoc />
    public override IEnumerable<Invariant> Invariants =>
    [
        Invariant.OverOutput("each-item-once", "every item put is consumed exactly once", o => QueueInvariants.EachItemOnce(o, Producers, Items)),
        Invariant.OverOutput("fifo-per-producer", "each consumer gets each producer's items in the order they were put", QueueInvariants.FifoPerProducer),
        Invariant.OverOutput("done-last", $"'{AllDone}' is printed once, after every item", o => QueueInvariants.DoneLast(o, AllDone)),
    ];

    /// <inheritdoc />
    public override IEnumerable<Monitor> Monitors => [new BoundedQueueMonitor(Maxsize)];

    internal static string Item(int producer, int k) => $"p{producer}-{k}";

    private static async Task ConsumeAsync(ISim sim, Queue<string> q)
    {
        while (true)
        {
            var item = await q.GetAsync();
            await sim.PrintAsync($"{sim.CurrentThread.Name} got {item}");
            await q.TaskDoneAsync();
        }
    }

    private async Task ProduceAsync(Queue<string> q, int producer)
    {
        for (var k = 0; k < Items; k++)
        {
            await q.PutAsync(Item(producer, k));
        }
    }
}
