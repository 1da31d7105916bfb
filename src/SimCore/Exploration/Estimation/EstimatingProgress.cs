namespace SimHarness.Exploration.Estimation;

/// <summary>Passes a search's progress on with the size estimate made before it, for a bar with an estimated end.</summary>
internal sealed class EstimatingProgress(IProgress<ExplorationProgress> inner, SizeEstimate estimate, bool upperBound) : IProgress<ExplorationProgress>
{
    public void Report(ExplorationProgress value) => inner.Report(value with { Estimate = estimate, EstimateIsUpperBound = upperBound });
}
