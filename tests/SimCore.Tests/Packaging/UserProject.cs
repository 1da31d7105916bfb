namespace SimHarness.Tests.Packaging;

/// <summary>The files of a newcomer's scenario project, written into a directory outside the repository.</summary>
internal static class UserProject
{
    public const string Name = "StartOnceScenarios";

    /// <summary>The csproj: a PackageReference to SimHarness.Core by version (plus NUnit for its tests), nothing else from this repository.</summary>
    public static string Csproj(string version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <CoyoteRewrite>true</CoyoteRewrite>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="SimHarness.Core" Version="{version}" />
            <PackageReference Include="NUnit" Version="4.4.0" />
            <PackageReference Include="NUnit3TestAdapter" Version="5.2.0" />
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.14.1" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>
    /// Restores from the folder the test packed into, then the usual registry. Packages go to a
    /// folder of the test's own (the machine's package cache is only read, as a fallback folder), so
    /// the test's throwaway versions of SimHarness.Core never land in the machine's cache.
    /// </summary>
    public static string NuGetConfig(string feed, string packages, string machineCache) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="{packages}" />
          </config>
          <fallbackPackageFolders>
            <add key="machine" value="{machineCache}" />
          </fallbackPackageFolders>
          <packageSources>
            <add key="simharness-local" value="{feed}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
        </configuration>
        """;

    /// <summary>A check-then-act bug (not marked as expected to fail) and its fixed twin, with Coyote entries.</summary>
    public const string Scenarios = """
        using SimHarness;

        namespace StartOnceScenarios;

        public class StartOnce : Scenario
        {
            public override string Description => "two workers start a service unless it is started: check, then act";

            [Param("worker threads")]
            public int Workers { get; set; } = 2;

            public override async Task RunAsync(ISim sim)
            {
                var started = sim.NewEvent("started");
                var guard = sim.NewLock("guard");
                var workers = new List<SimThread>();
                for (var i = 0; i < Workers; i++)
                {
                    workers.Add(await sim.CreateThreadAsync(() => WorkAsync(sim, started, guard), "worker"));
                }

                foreach (var w in workers)
                {
                    await w.StartAsync();
                }

                foreach (var w in workers)
                {
                    await w.JoinAsync();
                }
            }

            protected virtual async Task WorkAsync(ISim sim, Event started, SimHarness.Threading.Lock guard)
            {
                if (!await started.IsSetAsync())
                {
                    await sim.PrintAsync($"{sim.CurrentThread.Name} starts the service");
                    await started.SetAsync();
                }
            }

            public override IEnumerable<Invariant> Invariants =>
            [
                new("started-once", "the service is started exactly once", r =>
                    r.Output.Count(o => o.Text.EndsWith("starts the service", StringComparison.Ordinal)) is var n && n == 1 ? null : $"the service was started {n} times"),
            ];
        }

        public sealed class StartOnceFixed : StartOnce
        {
            public override string Description => "the check and the act under one lock";

            protected override async Task WorkAsync(ISim sim, Event started, SimHarness.Threading.Lock guard)
            {
                await guard.AcquireAsync();
                await base.WorkAsync(sim, started, guard);
                await guard.ReleaseAsync();
            }
        }

        public static class CoyoteEntries
        {
            [Microsoft.Coyote.SystematicTesting.Test]
            public static Task StartOnce() => SimHarness.Coyote.CoyoteEntry.RunAsync<StartOnce>();
        }
        """;

    /// <summary>Plain NUnit tests using the test-framework API: the first fails (the bug), the second passes (the fix).</summary>
    public const string Tests = """
        using NUnit.Framework;
        using SimHarness.Testing;

        namespace StartOnceScenarios;

        public class StartOnceTests
        {
            [Test]
            public async Task StartOnce_HoldsInEveryInterleaving() =>
                await SimAssert.HoldsInEveryInterleavingAsync<StartOnce>(s => s.Workers = 2);

            [Test]
            public async Task StartOnceFixed_HoldsInEveryInterleaving() =>
                await SimAssert.HoldsInEveryInterleavingAsync<StartOnceFixed>(s => s.Workers = 3);
        }
        """;

    /// <summary>Simulated code that waits on wall-clock time: the build must refuse it.</summary>
    public const string Escape = """
        namespace StartOnceScenarios;

        public static class Sleeper
        {
            public static Task NapAsync() => Task.Delay(10);
        }
        """;
}
