using System.Reflection;
using System.Runtime.Loader;

namespace SimHarness.Cli.Hosting;

/// <summary>
/// Runs <c>explore</c> on SimCore and Scenarios as compiled, not as rewritten for Coyote, when the build
/// kept those copies (<c>unrewritten/</c> beside this assembly) and the command names no Coyote strategy.
/// </summary>
/// <remarks>
/// The rewritten assemblies call into Coyote's runtime at every method and await even when Coyote
/// does not schedule them, and the built-in scheduler needs none of it: on the copies as compiled the
/// same search makes the same runs about 1.7x faster (BENCHMARKS.md). Coyote needs the rewritten
/// code, so every other verb, and <c>explore</c> with a Coyote strategy, stays on it. The command
/// runs a second time, whole, inside a load context whose SimCore, Scenarios and SimHarness are the
/// compiled copies; every other assembly is shared with the default context. This class is the only
/// code that runs before the switch, and it touches no type of SimCore.
/// </remarks>
internal static class CompiledCode
{
    /// <summary>Runs the command in the compiled copies' context when it should; false when the caller runs it here.</summary>
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        var self = typeof(CompiledCode).Assembly;
        if (AssemblyLoadContext.GetLoadContext(self) != AssemblyLoadContext.Default
            || Environment.GetEnvironmentVariable(ForceRewrittenVariable) == "1"
            || !NeedsOnlyTheBuiltInScheduler(args))
        {
            return false;
        }

        var folder = Path.Combine(AppContext.BaseDirectory, FolderName);
        if (!File.Exists(Path.Combine(folder, "SimCore.dll")) || !File.Exists(Path.Combine(folder, "Scenarios.dll")))
        {
            return false;
        }

        var context = new Context(folder);
        var cli = context.LoadFromAssemblyPath(self.Location);
        var main = cli.GetType(typeof(Program).FullName!, throwOnError: true)!
            .GetMethod("Main", BindingFlags.Static | BindingFlags.NonPublic)!;
        using (context.EnterContextualReflection())
        {
            exitCode = (int)main.Invoke(null, BindingFlags.DoNotWrapExceptions, null, [args], null)!;
        }

        return true;
    }

    // SimCore's constants, repeated: reading them from SimCore would load the rewritten SimCore here.
    private const string FolderName = "unrewritten";
    private const string ForceRewrittenVariable = "SIMHARNESS_REWRITTEN";

    /// <summary>
    /// <c>explore</c> without a Coyote strategy. Any argument that mentions Coyote, or a response
    /// file (whose arguments are not seen here), keeps the command on the rewritten code: a wrong
    /// guess costs speed, never correctness (and Coyote refuses to run on the compiled copies).
    /// </summary>
    internal static bool NeedsOnlyTheBuiltInScheduler(string[] args) =>
        args is ["explore", ..]
        && !args.Any(a => a.StartsWith('@') || a.Contains("coyote", StringComparison.OrdinalIgnoreCase));

    /// <summary>SimCore, Scenarios and SimHarness from the compiled copies; everything else from the default context.</summary>
    private sealed class Context(string folder) : AssemblyLoadContext("simharness-as-compiled")
    {
        protected override Assembly? Load(AssemblyName name) => name.Name switch
        {
            "SimCore" or "Scenarios" => LoadFromAssemblyPath(Path.Combine(folder, name.Name + ".dll")),
            "SimHarness" => LoadFromAssemblyPath(typeof(CompiledCode).Assembly.Location),
            _ => null,
        };
    }
}
