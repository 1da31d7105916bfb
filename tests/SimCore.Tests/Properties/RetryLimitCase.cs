using System.Globalization;

namespace SimHarness.Tests.Properties;

/// <summary>A case of EventRetryLimit: its four parameters.</summary>
/// <param name="Threads">Connect threads.</param>
/// <param name="Attempts">Attempts before a thread gives up.</param>
/// <param name="WaitTimeout">Seconds each attempt waits.</param>
/// <param name="CheckDelay">Seconds before the check thread sets the event.</param>
internal sealed record RetryLimitCase(int Threads, int Attempts, decimal WaitTimeout, decimal CheckDelay)
{
    /// <summary>How long a thread keeps trying: its last look at the event is at <c>attempts x waitTimeout</c>.</summary>
    public decimal Patience => Attempts * WaitTimeout;

    /// <summary>The case as the explorer takes it.</summary>
    public ScenarioCase ToCase() => new("EventRetryLimit", new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["threads"] = Threads.ToString(CultureInfo.InvariantCulture),
        ["attempts"] = Attempts.ToString(CultureInfo.InvariantCulture),
        ["waitTimeout"] = ParamAxis.Format(WaitTimeout),
        ["checkDelay"] = ParamAxis.Format(CheckDelay),
    });

    /// <inheritdoc />
    public override string ToString() => ToCase().ToString();
}
