using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;

namespace SimHarness.Catalog;

/// <summary>
/// Tells an assembly Coyote's rewriter rewrote from the compiler's, and finds the compiler's copy that
/// the build keeps in <c>unrewritten/</c> beside a rewritten assembly (buildTransitive/SimHarness.Core.targets).
/// </summary>
/// <remarks>
/// The built-in scheduler needs none of the rewriting: under it the rewritten code only pays for
/// Coyote's checks at every call and await. The <c>simharness</c> command runs <c>explore</c> on the
/// copies as compiled when they are there (README, "Coyote").
/// </remarks>
public static class AssemblyCopies
{
    /// <summary>The folder, beside a rewritten assembly, that holds the compiler's copy of it.</summary>
    public const string FolderName = "unrewritten";

    /// <summary>Set to 1, the <c>simharness</c> command runs every verb on the rewritten assemblies.</summary>
    public const string ForceRewrittenVariable = "SIMHARNESS_REWRITTEN";

    // The attribute Coyote's rewriter puts on every assembly it rewrote.
    private const string SignatureNamespace = "Microsoft.Coyote.Rewriting";
    private const string SignatureName = "RewritingSignatureAttribute";

    /// <summary>True when the running SimCore is the rewritten one (Coyote's scheduler can control it).</summary>
    public static bool CoreIsRewritten { get; } = IsRewritten(typeof(AssemblyCopies).Assembly);

    /// <summary>
    /// Which copies run a scenario, as the explore report's <c>code</c> says it: <c>as compiled</c>,
    /// <c>rewritten for Coyote</c>, or each of SimCore and the scenario's assembly when they differ.
    /// </summary>
    public static string Describe(Assembly scenarioAssembly)
    {
        ArgumentNullException.ThrowIfNull(scenarioAssembly);
        static string Kind(bool rewritten) => rewritten ? "rewritten for Coyote" : "as compiled";
        var user = IsRewritten(scenarioAssembly);
        return user == CoreIsRewritten
            ? Kind(user)
            : $"SimCore {Kind(CoreIsRewritten)}, {scenarioAssembly.GetName().Name}.dll {Kind(user)}";
    }

    /// <summary>True when Coyote's rewriter rewrote this loaded assembly.</summary>
    public static bool IsRewritten(Assembly assembly) =>
        assembly.GetCustomAttributesData().Any(a => a.AttributeType is { Namespace: SignatureNamespace, Name: SignatureName });

    /// <summary>True when the assembly file was rewritten, read from its metadata without loading it; false for a file that is not an assembly.</summary>
    public static bool IsRewritten(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return false;
            }

            var md = pe.GetMetadataReader();
            if (!md.IsAssembly)
            {
                return false;
            }

            foreach (var handle in md.GetAssemblyDefinition().GetCustomAttributes())
            {
                var ctor = md.GetCustomAttribute(handle).Constructor;
                if (ctor.Kind == HandleKind.MemberReference
                    && md.GetMemberReference((MemberReferenceHandle)ctor).Parent is { Kind: HandleKind.TypeReference } parent)
                {
                    var type = md.GetTypeReference((TypeReferenceHandle)parent);
                    if (md.StringComparer.Equals(type.Name, SignatureName) && md.StringComparer.Equals(type.Namespace, SignatureNamespace))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    /// <summary>The compiler's copy of <paramref name="path"/> when it is rewritten and the build kept one; otherwise <paramref name="path"/>.</summary>
    public static string AsCompiled(string path)
    {
        var copy = Path.Combine(Path.GetDirectoryName(path)!, FolderName, Path.GetFileName(path));
        return File.Exists(copy) && IsRewritten(path) && !IsRewritten(copy) ? copy : path;
    }

    /// <summary>
    /// Loads a user's assembly into the context SimCore runs in. In the default context that is
    /// <see cref="Assembly.LoadFrom(string)"/>; in the context of the copies as compiled it is the
    /// user's compiled copy when there is one, its references to SimCore bound to the SimCore that runs,
    /// and its other dependencies looked up beside it as <c>LoadFrom</c> does.
    /// </summary>
    internal static Assembly Load(string full)
    {
        var context = AssemblyLoadContext.GetLoadContext(typeof(AssemblyCopies).Assembly);
        if (context is null || context == AssemblyLoadContext.Default)
        {
            return Assembly.LoadFrom(full);
        }

        var path = AsCompiled(full);
        var directory = Path.GetDirectoryName(full)!;
        context.Resolving += (c, name) =>
        {
            var candidate = Path.Combine(directory, name.Name + ".dll");
            return File.Exists(candidate) ? c.LoadFromAssemblyPath(candidate) : null;
        };
        return context.LoadFromAssemblyPath(path);
    }
}
