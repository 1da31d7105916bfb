using Microsoft.Coyote.SystematicTesting;
using SimHarness.Coyote;

namespace MyScenarios;

/// <summary>Entry methods for <c>coyote test MyScenarios.dll -m DoubleCheckedStart</c>, one per scenario, named after it.</summary>
public static class CoyoteEntries
{
    [Test]
    public static Task DoubleCheckedStart() => CoyoteEntry.RunAsync<DoubleCheckedStart>();
}
