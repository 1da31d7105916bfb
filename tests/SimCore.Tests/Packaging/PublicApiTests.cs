using System.Reflection;
using System.Runtime.CompilerServices;

namespace SimHarness.Tests.Packaging;

/// <summary>The CLI is built on SimCore's public API only, as a tool a user writes would be.</summary>
public class PublicApiTests
{
    [Test]
    public void SimCore_GrantsTheCliNoInternals()
    {
        var sut = typeof(ISim).Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(sut, Does.Contain("SimCore.Tests"), "the attribute list was read");
            Assert.That(sut, Does.Not.Contain(typeof(SimHarness.Cli.Cli).Assembly.GetName().Name));
        });
    }
}
