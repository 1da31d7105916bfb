using BenchmarkDotNet.Running;

// Runs in-process (see BenchConfig): the rewritten SimCore.dll and Scenarios.dll beside this
// program are the ones measured, exactly as the CLI and the tests use them.
BenchmarkSwitcher.FromAssembly(typeof(SimHarness.Benchmarks.BenchConfig).Assembly).Run(args, new SimHarness.Benchmarks.BenchConfig());
