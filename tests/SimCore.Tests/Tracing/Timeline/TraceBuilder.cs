using SimHarness.Tracing;

namespace SimHarness.Tests.Tracing.Timeline;

/// <summary>Hand-written traces for the timeline tests: events given as (thread, op, object, result, text).</summary>
internal static class TraceBuilder
{
    public static Trace Of(params TraceEvent[] events) => Of(null, events);

    public static Trace Of(Violation? violation, params TraceEvent[] events) => new()
    {
        Scenario = "Handmade",
        Params = new Dictionary<string, string> { ["n"] = "1" },
        Engine = "builtin",
        Strategy = "test",
        Decisions = [],
        Violation = violation,
        Output = [],
        Events = events,
    };

    public static TraceEvent E(string thread, string op, string? target = null, string? result = null, string? text = null, long micros = 0) =>
        new(micros, thread, op, target, result, text);

    public static TraceEvent G(string thread, string greenlet, string op, string? target = null, string? result = null, string? text = null) =>
        new(0, thread, op, target, result, text) { Greenlet = greenlet };
}
