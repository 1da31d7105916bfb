namespace SimHarness.Scenarios.Gevent;

/// <summary>
/// Stand-in for <c>SimHarness.Coyote.CoyoteEntry</c> (branch <c>coyote</c>) so the entries compile
/// before it is merged. TODO(#3): delete this file when merging the coyote branch; the entries then bind to the real one.
/// </summary>
internal static class CoyoteEntry
{
    public static Task RunAsync<TScenario>()
        where TScenario : Scenario, new() =>
        throw new NotSupportedException("the Coyote entry runtime is not merged yet");
}
