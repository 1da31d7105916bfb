using SimHarness.Catalog;

namespace SimHarness.Exploration.Estimation;

/// <summary>Runs Knuth's probes of a scenario's unreduced schedule tree on the built-in executor and summarizes them.</summary>
internal static class SizeEstimator
{
    /// <summary>The two-sided 95 % quantile of the standard normal distribution.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// Makes up to <paramref name="probes"/> probes (seeded: the same seed gives the same probes),
    /// stopping early after <paramref name="budget"/> (at least one probe is always made) or when
    /// <paramref name="stop"/> is cancelled; null when cancelled before a probe finished.
    /// </summary>
    public static SizeEstimate? Run(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, long? maxSteps, int seed, int probes, TimeSpan budget, CancellationToken stop)
    {
        var probe = new KnuthProbe(new Random(seed));
        var weights = new List<double>(Math.Min(probes, 100_000));
        var clock = new WallTimer();
        var afterFirst = TimeSpan.Zero;
        while (weights.Count < probes && !stop.IsCancellationRequested && (weights.Count == 0 || clock.Elapsed < budget))
        {
            probe.Reset();
            var run = BuiltInExecutor.Run(scenario.Create(values), probe, maxSteps, stop);
            if (run.Pruned)
            {
                // Only a cancellation abandons a probe: it is not a leaf, so it is not counted.
                break;
            }

            weights.Add(probe.Weight);
            if (weights.Count == 1)
            {
                afterFirst = clock.Elapsed;
            }
        }

        if (weights.Count == 0)
        {
            return null;
        }

        // The first run pays for loading and compiling the scenario's code: the time per run is measured after it when there are more.
        var elapsed = clock.Elapsed;
        var perRun = weights.Count == 1 ? elapsed.TotalMilliseconds : (elapsed - afterFirst).TotalMilliseconds / (weights.Count - 1);
        return Summarize(weights, perRun, (long)elapsed.TotalMilliseconds);
    }

    /// <summary>The mean of the probes' estimates with its 95 % normal interval.</summary>
    /// <param name="weights">Each probe's estimate: the product of the numbers of options along its run.</param>
    /// <param name="msPerRun">Measured wall time of one run.</param>
    /// <param name="elapsedMs">Wall time of all the probes.</param>
    public static SizeEstimate Summarize(IReadOnlyList<double> weights, double msPerRun, long elapsedMs)
    {
        if (weights.Count == 0)
        {
            throw new ArgumentException("at least one probe is needed", nameof(weights));
        }

        // Scaled by the largest estimate so that squares of products near double's range do not overflow.
        var scale = weights.Max();
        var mean = weights.Average(w => w / scale);
        var variance = weights.Count < 2 ? 0 : weights.Sum(w => (w / scale - mean) * (w / scale - mean)) / (weights.Count - 1);
        var half = Z95 * Math.Sqrt(variance / weights.Count);
        return new SizeEstimate(
            mean * scale,
            Math.Max(1, (mean - half) * scale),
            (mean + half) * scale,
            weights.Count,
            msPerRun,
            elapsedMs);
    }
}
