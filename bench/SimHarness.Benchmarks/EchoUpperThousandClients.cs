using BenchmarkDotNet.Attributes;
using SimHarness.Exploration;
using SimHarness.Scenarios.Sockets;

namespace SimHarness.Benchmarks;

/// <summary>
/// One simulated run of the echo-upper server with 1000 clients x 10 round trips under the random
/// strategy (issue #4's aim: under a second). Peak memory of the whole process is measured apart,
/// with <c>/usr/bin/time</c> around <c>SimHarness run</c> (see BENCHMARKS.md).
/// </summary>
public class EchoUpperThousandClients
{
    [Params(1, 2, 3)]
    public int Seed { get; set; }

    [Benchmark]
    public int SeedProgram() => Run(new EchoUpper { Clients = 1000, Messages = 10 });

    [Benchmark]
    public int FixedProgram() => Run(new EchoUpperFixed { Clients = 1000, Messages = 10 });

    private int Run(Scenario s)
    {
        var r = BuiltInExecutor.Run(s, new RandomStrategy(Seed)).Record;
        return r.Violations.Count == 0 ? r.Output.Count : throw new InvalidOperationException(r.Violations[0].Message);
    }
}
