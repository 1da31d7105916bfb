namespace SimHarness.Tracing;

/// <summary>The harness's version as traces record it.</summary>
/// <remarks>
/// Bump it whenever a change alters which steps a run takes or what its event log says, so that
/// old traces are refused with one clear line instead of diverging mysteriously.
/// </remarks>
public static class HarnessInfo
{
    /// <summary>The version written into and checked against every trace.</summary>
    public const string Version = "1.0";
}
