using FsCheck;
using FsCheck.Fluent;

namespace SimHarness.Tests.Properties;

/// <summary>Generator of EventRetryLimit cases, small enough to explore exhaustively in milliseconds, with ties made likely.</summary>
/// <remarks>
/// The interesting cases are where the check delay equals a thread's patience (<c>attempts x
/// waitTimeout</c>) or is half a second either side, so half the cases put the delay there; the
/// rest draw it freely. Shrinking moves every parameter towards its smallest value.
/// </remarks>
internal static class RetryLimitGen
{
    private static readonly decimal[] s_timeouts = [0.5m, 1m, 1.5m];

    /// <summary>Cases: 1 or 2 threads, 0 to 3 attempts, a timeout of 0.5, 1 or 1.5 s, a delay of 0 to 5 s in half seconds.</summary>
    public static Arbitrary<RetryLimitCase> Cases { get; } = Arb.From(
        from threads in Gen.Choose(1, 2)
        from attempts in Gen.Choose(0, 3)
        from timeout in Gen.Elements(s_timeouts)
        from delay in Gen.OneOf(
            Gen.Choose(-1, 1).Select(k => (attempts * timeout) + (k * 0.5m)),
            Gen.Choose(0, 10).Select(k => k * 0.5m))
        select new RetryLimitCase(threads, attempts, timeout, Math.Max(0, delay)),
        Shrink);

    private static IEnumerable<RetryLimitCase> Shrink(RetryLimitCase c)
    {
        if (c.Threads > 1)
        {
            yield return c with { Threads = 1 };
        }

        if (c.Attempts > 0)
        {
            yield return c with { Attempts = c.Attempts - 1 };
        }

        if (c.WaitTimeout > s_timeouts[0])
        {
            yield return c with { WaitTimeout = c.WaitTimeout - 0.5m };
        }

        if (c.CheckDelay > 0)
        {
            yield return c with { CheckDelay = 0 };
            yield return c with { CheckDelay = c.CheckDelay - 0.5m };
        }
    }
}
