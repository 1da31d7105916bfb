using BenchmarkDotNet.Attributes;
using SimHarness.Exploration;
using SimHarness.Greenlets;
using SimHarness.Real;

namespace SimHarness.Benchmarks;

/// <summary>
/// Cost of one greenlet switch and of one spawn+join, on the simulated backend (built-in
/// scheduler, canonical schedule) and on the real backend, side by side in one run. Each run
/// does <see cref="Operations"/> of them, so the mean per operation is the cost.
/// </summary>
[MemoryDiagnoser]
public class GreenletCosts
{
    /// <summary>Switches (or spawn+joins) per run.</summary>
    public const int Operations = 2_000;

    [Benchmark(OperationsPerInvoke = Operations)]
    public int SwitchSimulated() => Simulated(new SwitchScenario());

    [Benchmark(OperationsPerInvoke = Operations)]
    public int SwitchReal() => Real(new SwitchScenario());

    [Benchmark(OperationsPerInvoke = Operations)]
    public int SpawnJoinSimulated() => Simulated(new SpawnJoinScenario());

    [Benchmark(OperationsPerInvoke = Operations)]
    public int SpawnJoinReal() => Real(new SpawnJoinScenario());

    private static int Simulated(Scenario s)
    {
        var r = BuiltInExecutor.Run(s, new CanonicalStrategy(), maxSteps: 10_000_000).Record;
        return r.Violations.Count == 0 ? r.Output.Count : throw new InvalidOperationException(r.Violations[0].Message);
    }

    private static int Real(Scenario s)
    {
        var r = RealExecutor.Run(s, TimeSpan.FromMinutes(1));
        return r.Violations.Count == 0 ? r.Output.Count : throw new InvalidOperationException(r.Violations[0].Message);
    }

    /// <summary>Two greenlets switch back and forth <see cref="Operations"/> times in all.</summary>
    private sealed class SwitchScenario : Scenario
    {
        public override string Description => "ping-pong switches";

        public override async Task RunAsync(ISim sim)
        {
            Greenlet? ping = null;
            Greenlet? pong = null;
            ping = new Greenlet(sim, async _ =>
            {
                for (var i = 0; i < Operations / 2; i++)
                {
                    await pong!.SwitchAsync();
                }

                return null;
            });
            pong = new Greenlet(sim, async _ =>
            {
                while (true)
                {
                    await ping.SwitchAsync();
                }
            });
            await ping.SwitchAsync();
            await sim.PrintAsync("done");
        }
    }

    /// <summary>Spawns <see cref="Operations"/> greenlets on the hub and joins each.</summary>
    private sealed class SpawnJoinScenario : Scenario
    {
        public override string Description => "spawn and join";

        public override async Task RunAsync(ISim sim)
        {
            var hub = Hub.Get(sim);
            for (var i = 0; i < Operations; i++)
            {
                var g = await hub.SpawnAsync(() => Task.CompletedTask);
                await g.JoinAsync();
            }

            await sim.PrintAsync("done");
        }
    }
}
