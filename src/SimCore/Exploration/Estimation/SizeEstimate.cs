namespace SimHarness.Exploration.Estimation;

/// <summary>
/// Knuth's estimate of the number of schedules of the unreduced schedule tree (every interleaving
/// and every data choice: what <c>explore --no-reduction</c> runs), from random root-to-leaf probes.
/// </summary>
/// <param name="Schedules">The mean of the probes' estimates: an unbiased estimate of the number of leaves.</param>
/// <param name="Low">Lower end of the 95 % normal confidence interval (mean - 1.96 standard errors), at least 1.</param>
/// <param name="High">Upper end of the 95 % normal confidence interval (mean + 1.96 standard errors).</param>
/// <param name="Probes">Probes (runs) the estimate averages.</param>
/// <param name="MillisecondsPerRun">Measured wall time of one probe run: the mean over the probes after the first (which also loads and compiles the scenario's code).</param>
/// <param name="ElapsedMs">Wall time of all the probes.</param>
/// <remarks>
/// The interval comes from the probes' sample variance and the normal approximation. The estimator
/// is heavy-tailed on unbalanced trees (a rare deep branch carries much of the count), so with few
/// probes the interval can be too narrow; when every probe saw the same branching profile the
/// variance is 0 and <see cref="Low"/> = <see cref="High"/>.
/// </remarks>
public sealed record SizeEstimate(double Schedules, double Low, double High, int Probes, double MillisecondsPerRun, long ElapsedMs)
{
    /// <summary>Estimated wall time, in seconds, of running <see cref="Schedules"/> runs at the measured time per run.</summary>
    /// <remarks>A number of seconds rather than a <see cref="TimeSpan"/>: an unreduced tree's time can pass TimeSpan's range.</remarks>
    public double EstimatedSeconds => Schedules * MillisecondsPerRun / 1000;
}
