namespace SimHarness.Exploration.Estimation;

/// <summary>
/// How much of a depth-first search tree lies behind the search: the leaves already explored,
/// each weighing what a random walk from the root (every branch of a node equally likely) would
/// give it, so that a complete tree weighs 1. The runs made so far divided by this share project
/// the size of the whole search (README, "How far a search has come").
/// </summary>
/// <remarks>
/// The search stands on a path from the root to the branch it explores next. At each node of the
/// path, the branches it finished before the current one are behind the search, each carrying the
/// node's weight divided by its branch count; the current branch carries the rest down the path.
/// Summing over the path gives the share without visiting the finished leaves again. A search
/// that adds branches as it goes (the reduction adds backtrack points when it meets races) is
/// measured with the branch counts it knows now, so the share is exact only for a tree known in
/// advance; it reaches 1 when the search ends in every case.
/// </remarks>
internal static class SearchedShare
{
    /// <summary>The share behind a search standing on <paramref name="path"/>: per node from the root, its branch count and the branches finished before the current one.</summary>
    public static double Of(IEnumerable<(int Branches, int Finished)> path)
    {
        var share = 0.0;
        var weight = 1.0;
        foreach (var (branches, finished) in path)
        {
            if (branches <= 0)
            {
                continue;
            }

            share += weight * finished / branches;
            weight /= branches;
        }

        return share;
    }
}
