namespace SimHarness.Scenarios.Vocabulary;

/// <summary>Invariants of the dining philosophers, stated over a run's output.</summary>
internal static class TableInvariants
{
    public static string? NeighboursApart(IReadOnlyList<OutputLine> output, int philosophers, string starts, string finishes)
    {
        var eating = new HashSet<int>();
        foreach (var o in output)
        {
            var seat = Seat(o.Text);
            if (o.Text.EndsWith(starts, StringComparison.Ordinal))
            {
                var left = (seat + philosophers - 1) % philosophers;
                var right = (seat + 1) % philosophers;
                if (eating.Contains(left) || eating.Contains(right))
                {
                    return $"philosopher-{seat} started eating while a neighbour was eating (t={o.Seconds}s)";
                }

                eating.Add(seat);
            }
            else if (o.Text.EndsWith(finishes, StringComparison.Ordinal))
            {
                eating.Remove(seat);
            }
        }

        return null;
    }

    public static string? EveryoneEats(IReadOnlyList<OutputLine> output, int philosophers, int meals, string finishes)
    {
        for (var seat = 0; seat < philosophers; seat++)
        {
            var ate = output.Count(o => Seat(o.Text) == seat && o.Text.EndsWith(finishes, StringComparison.Ordinal));
            if (ate != meals)
            {
                return $"philosopher-{seat} ate {ate} of {meals} meal(s)";
            }
        }

        return null;
    }

    private static int Seat(string text) =>
        int.Parse(text.AsSpan("philosopher-".Length, text.IndexOf(' ', StringComparison.Ordinal) - "philosopher-".Length), System.Globalization.CultureInfo.InvariantCulture);
}
