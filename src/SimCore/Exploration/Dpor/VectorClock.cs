namespace SimHarness.Exploration.Dpor;

/// <summary>Vector clocks over thread ids, as plain arrays that grow as threads appear.</summary>
internal static class VectorClock
{
    public static int Get(int[] clock, int thread) => thread < clock.Length ? clock[thread] : 0;

    public static int[] Join(int[] a, int[] b)
    {
        var r = new int[Math.Max(a.Length, b.Length)];
        for (var i = 0; i < r.Length; i++)
        {
            r[i] = Math.Max(Get(a, i), Get(b, i));
        }

        return r;
    }

    public static int[] Tick(int[] clock, int thread)
    {
        var r = new int[Math.Max(clock.Length, thread + 1)];
        Array.Copy(clock, r, clock.Length);
        r[thread]++;
        return r;
    }

    /// <summary>True when the event with <paramref name="eventClock"/> by <paramref name="thread"/> happens before a point whose clock is <paramref name="later"/>.</summary>
    public static bool HappensBefore(int[] eventClock, int thread, int[] later) => Get(eventClock, thread) <= Get(later, thread);
}
