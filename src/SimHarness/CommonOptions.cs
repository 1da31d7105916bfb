using System.CommandLine;
using SimHarness.Catalog;

namespace SimHarness.Cli;

/// <summary>Options several verbs share, and the scenario catalog they load.</summary>
internal static class CommonOptions
{
    /// <summary><c>--assembly PATH</c>, repeatable: more assemblies to search for scenarios.</summary>
    public static Option<string[]> Assembly() => new("--assembly")
    {
        Description = "another assembly to search for scenarios (repeatable)",
        HelpName = "PATH",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary><c>--param k=v</c>, repeatable (also <c>k=v;k=v</c>).</summary>
    public static Option<string[]> Param() => new("--param", "-p")
    {
        Description = "set a scenario parameter, name=value (repeatable; see `list`)",
        HelpName = "NAME=VALUE",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Scenarios in Scenarios.dll plus every <c>--assembly</c>.</summary>
    public static IReadOnlyList<ScenarioInfo> LoadCatalog(string[]? assemblies)
    {
        var all = new List<System.Reflection.Assembly> { typeof(Scenarios.Threading.EventCheckConnect).Assembly };
        all.AddRange((assemblies ?? []).Select(ScenarioCatalog.LoadAssembly));
        return ScenarioCatalog.Discover(all);
    }
}
