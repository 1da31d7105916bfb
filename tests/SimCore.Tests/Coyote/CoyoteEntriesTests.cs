using System.Reflection;
using SimHarness.Catalog;
using SimHarness.Scenarios.Threading;

namespace SimHarness.Tests.Coyote;

/// <summary>Every scenario has its `coyote test` entry method, named exactly after it (the Coyote section of the README).</summary>
public class CoyoteEntriesTests
{
    [Test]
    public void EveryScenario_HasOneCoyoteEntryNamedAfterIt()
    {
        var assembly = typeof(EventCheckConnect).Assembly;
        var entries = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<Microsoft.Coyote.SystematicTesting.TestAttribute>() is not null)
            .ToArray();

        var sut = ScenarioCatalog.Discover([assembly]).Select(s => s.Name).ToArray();

        Assert.That(entries.Select(m => m.Name), Is.EquivalentTo(sut), "entry methods vs scenarios");
        Assert.That(entries.Where(m => m.GetParameters().Length > 0 || m.ReturnType != typeof(Task)).Select(m => m.Name), Is.Empty, "entries take no arguments and return Task");
    }
}
