namespace SimHarness.Exploration.Dpor;

/// <summary>The race analysis's vector clocks: each thread's clock, the barrier of a time advance, and the working buffer a step's clock is built in.</summary>
internal sealed partial class DporStrategy
{
    // Every change of a thread's clock this run, with the clock it replaced: what a run that keeps the
    // analysis of a replayed prefix undoes back to the node that moved on (DporStrategy.Replay.cs).
    private readonly List<(int Thread, VectorClock Was)> _clockChanges = [];

    /// <summary>A time advance: every thread's clock becomes the join of all, so nothing after it is reordered before it.</summary>
    private void Barrier(VectorClock from)
    {
        var barrier = Scratch(from);
        foreach (var c in _threadClocks)
        {
            JoinInto(ref barrier, c);
        }

        var shared = VectorClock.Of(barrier, VectorClock.Empty);
        for (var t = 0; t < _threadClocks.Count; t++)
        {
            _clockChanges.Add((t, _threadClocks[t]));
            _threadClocks[t] = shared;
        }
    }

    private VectorClock ClockOf(int thread) => thread < _threadClocks.Count ? _threadClocks[thread] : VectorClock.Empty;

    private void SetClock(int thread, VectorClock clock)
    {
        while (_threadClocks.Count <= thread)
        {
            _threadClocks.Add(VectorClock.Empty);
        }

        _clockChanges.Add((thread, _threadClocks[thread]));
        _threadClocks[thread] = clock;
    }

    /// <summary>Puts back every thread's clock as it was when <paramref name="count"/> changes had been made this run, for the <paramref name="threads"/> slots there were then.</summary>
    /// <remarks>A mark keeps the number of changes, not a copy of every clock: with a thousand threads a copy at every node cost a thousand references per step.</remarks>
    private void UndoClockChanges(int count, int threads)
    {
        for (var k = _clockChanges.Count - 1; k >= count; k--)
        {
            var (thread, was) = _clockChanges[k];
            _threadClocks[thread] = was;
        }

        _clockChanges.RemoveRange(count, _clockChanges.Count - count);
        _threadClocks.RemoveRange(threads, _threadClocks.Count - threads);
    }

    /// <summary>A reusable working buffer (its length a multiple of <see cref="VectorClock.ChunkSize"/>) holding a copy of <paramref name="source"/>.</summary>
    private int[] Scratch(VectorClock source)
    {
        var size = VectorClock.BufferLength(Math.Max(source.Length, _threadClocks.Count + 1));
        if (_scratch.Length < size)
        {
            _scratch = new int[size * 2];
        }

        Array.Clear(_scratch);
        source.CopyTo(_scratch);
        return _scratch;
    }

    private void JoinInto(ref int[] target, VectorClock other)
    {
        Reserve(ref target, other.Length);
        other.JoinInto(target);
    }

    /// <summary>The clock of a step by <paramref name="thread"/> whose joined clock the working buffer holds: its entry one higher.</summary>
    /// <param name="clock">The working buffer; its own entry is raised in place.</param>
    /// <param name="thread">The stepping thread.</param>
    /// <param name="before">The thread's clock before the step, which the new one mostly equals (chunks are shared with it).</param>
    private VectorClock Tick(ref int[] clock, int thread, VectorClock before)
    {
        Reserve(ref clock, thread + 1);
        clock[thread]++;
        return VectorClock.Of(clock, before);
    }

    /// <summary>Grows the working buffer to hold <paramref name="entries"/> entries.</summary>
    private void Reserve(ref int[] buffer, int entries)
    {
        if (buffer.Length < entries)
        {
            Array.Resize(ref buffer, VectorClock.BufferLength(entries) * 2);
            _scratch = buffer;
        }
    }
}
