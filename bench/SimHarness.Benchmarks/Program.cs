using BenchmarkDotNet.Running;

// Runs in-process (see BenchConfig): the rewritten SimCore.dll and Scenarios.dll beside this
// program are the ones measured, exactly as the CLI and the tests use them.
// `zoo-first-bug` counts schedules rather than timing code, so it is a plain harness (ZooFirstBug);
// so is `explorer-allocation`, which counts bytes allocated per schedule (ExplorerAllocation), and
// `part-turns`, which times whole split searches two ways in one process (PartTurns), and
// `allocation-types`, which counts the runtime's allocation ticks by type (AllocationTypes).
if (args is ["zoo-first-bug", ..])
{
    return SimHarness.Benchmarks.ZooFirstBug.Run(args[1..]);
}

if (args is ["part-turns", ..])
{
    return SimHarness.Benchmarks.PartTurns.Run(args[1..]);
}

if (args is ["allocation-types", ..])
{
    return SimHarness.Benchmarks.AllocationTypes.Run(args[1..]);
}

if (args is ["explorer-allocation", ..])
{
    return SimHarness.Benchmarks.ExplorerAllocation.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(SimHarness.Benchmarks.BenchConfig).Assembly).Run(args, new SimHarness.Benchmarks.BenchConfig());
return 0;
