namespace SimHarness.Simulation;

/// <summary>
/// The world's state digest for state caching: a 128-bit hash of everything that decides the rest
/// of a run (docs/state-caching.md). Kept only when <see cref="TrackState"/> is set.
/// </summary>
internal sealed partial class World
{
    private readonly List<IStateful> _stateful = [];
    private readonly StateWriter _observation = new();
    private StateWriter? _digest;
    private StateWriter? _greenletDigest;
    private StateWriter? _checkpoint;
    private int _untracked;
    private UInt128 _outputDigest;

    /// <summary>Whether to keep observations and the output digest (the state-caching search sets it).</summary>
    internal bool TrackState { get; init; }

    /// <summary>Whether <see cref="Checkpoint"/> does nothing (<c>explore --ignore-checkpoints</c>).</summary>
    internal bool IgnoreCheckpoints { get; init; }

    /// <summary>The number of objects created that the digest cannot cover; a state with any is never matched.</summary>
    internal int UntrackedObjects => _untracked;

    /// <summary>Registers a shared object whose state the digest covers.</summary>
    internal void Track(IStateful obj) => _stateful.Add(obj);

    /// <summary>Notes a shared object the digest cannot cover: states of this run are never matched.</summary>
    internal void Untracked() => _untracked++;

    /// <summary>
    /// Folds a value that <paramref name="thread"/> learned into its observation digest: every step
    /// result goes through <see cref="Record"/>, and reads that are not steps (an item taken from a
    /// queue, a greenlet's <c>dead</c>) call this directly. A thread's code is deterministic, so what it
    /// does next is a function of what it has observed.
    /// </summary>
    internal void Observe(SimThread thread, string op, int objectId, string? result, string? text)
    {
        if (!TrackState)
        {
            return;
        }

        _observation.Reset();
        _observation.Add(thread.Observed).Add(NowMicros).Add(op).Add(objectId).Add(result).Add(text);
        thread.Observed = _observation.Digest();
        thread.Greenlets?.ObserveCurrent(NowMicros, op, objectId, result, text);
    }

    /// <summary>
    /// <see cref="ISim.Checkpoint"/>: the calling thread's digest of what it observed (in a thread with
    /// greenlets, the calling greenlet's chain) becomes the digest of <paramref name="point"/> and what
    /// <paramref name="live"/> writes. Only the state-caching search keeps digests; elsewhere it does nothing.
    /// </summary>
    public void Checkpoint(string point, Action<StateWriter>? live = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(point);
        if (!TrackState || IgnoreCheckpoints)
        {
            return;
        }

        var t = CurrentThread;
        var w = _checkpoint ??= new StateWriter();
        w.Reset();
        w.Add("checkpoint").Add(point);
        live?.Invoke(w);
        var declared = w.Digest();
        if (t.Greenlets is not { } gs || (gs.Hub is null && gs.Created.Count == 0))
        {
            t.Observed = declared;
            t.Greenlets?.Main.Chain = declared;
            return;
        }

        if (ReferenceEquals(gs.Current, gs.Hub?.Greenlet))
        {
            throw new InvalidOperationException("a checkpoint belongs in a greenlet's code, not in a hub callback");
        }

        gs.Current.Chain = declared;
        gs.Structured = true;
    }

    /// <summary>
    /// A read of state owned by <paramref name="owner"/>'s thread (a greenlet's flags) without a step:
    /// for the owner it is a function of its own history, for any other thread it is an observation.
    /// </summary>
    internal bool ObserveForeign(SimThread owner, bool value, string what, int objectId)
    {
        ObserveRead(owner, value ? "true" : "false", what, objectId);
        return value;
    }

    /// <summary>
    /// A read without a step of state owned by <paramref name="owner"/>'s thread (a greenlet's flags,
    /// a spawned greenlet's result): an observation of a reader on another thread; on the owner's own
    /// thread, of the greenlet reading, in its chain (for the greenlet-by-greenlet digest).
    /// </summary>
    internal void ObserveRead(SimThread owner, string value, string what, int objectId)
    {
        if (!TrackState || RunningThread is not { } reader)
        {
            return;
        }

        if (!ReferenceEquals(reader, owner))
        {
            Observe(reader, what, objectId, value, null);
        }
        else
        {
            reader.Greenlets?.ObserveCurrent(NowMicros, what, objectId, value, null);
        }
    }

    /// <summary>Folds an output line into the output digest (the transcript so far is part of the state).</summary>
    private void ObserveOutput(OutputLine line)
    {
        if (!TrackState)
        {
            return;
        }

        _observation.Reset();
        _observation.Add(_outputDigest).Add(line.TimeMicros).Add(line.Thread).Add(line.IsStderr).Add(line.Text);
        _outputDigest = _observation.Digest();
    }

    /// <summary>The digest of the world's state between two steps, or null when it cannot be computed (an untracked object exists).</summary>
    internal UInt128? StateDigest()
    {
        if (!TrackState || _untracked > 0)
        {
            return null;
        }

        var w = _digest ??= new StateWriter();
        w.Reset();
        // Counters that name what comes next (object ids, thread and greenlet numbers), the step count
        // (the step bound), time, and the output so far.
        w.Add(Steps).Add(NowMicros).Add(_nextObjectId).Add(_threadCounter).Add(_geventGreenletCounter).Add(_outputDigest);
        w.Add(_threads.Count);
        foreach (var t in _threads)
        {
            // A finished thread's observations stay: what it computed may live on in a variable
            // another thread reads after joining it.
            // The start order is enumerate()'s order: two orders of two starts are two states.
            w.Add(t.Id).Add(t.Name).Add((long)t.Status).Add(t.IsDaemon).Add(t.StartSequence);
            WriteThreadOwnState(w, t);
            if (t.BlockedOn is { Done: false } b)
            {
                w.Add(b.ObjectId).Add(b.Deadline);
            }
            else
            {
                w.Add(-1L);
            }
        }

        w.Add(_monitors.Length);
        foreach (var m in _monitors)
        {
            w.Add(m.StateDigest());
        }

        w.Add(_stateful.Count);
        foreach (var o in _stateful)
        {
            o.WriteState(w);
        }

        return w.Digest();
    }

    /// <summary>
    /// A thread's own state: the digest of its history, or, for a thread whose greenlets declared
    /// checkpoints, the description of its greenlets and hub when every part of it can be described
    /// (tagged apart, so the two never meet).
    /// </summary>
    private void WriteThreadOwnState(StateWriter w, SimThread t)
    {
        if (t.Greenlets is { Structured: true } gs)
        {
            var d = _greenletDigest ??= new StateWriter();
            d.Reset();
            if (gs.TryDescribe(d))
            {
                w.Add(1L).Add(d.Digest());
                return;
            }
        }

        w.Add(0L).Add(t.Observed);
    }

    /// <summary>Writes a queue of waiting parties in order: who waits, on what, until when.</summary>
    internal static void WriteWaiters(StateWriter w, IReadOnlyList<Waiter> waiters)
    {
        var live = 0;
        foreach (var x in waiters)
        {
            if (!x.Done)
            {
                live++;
                w.Add(x.Thread.Id).Add(x.Deadline);
            }
        }

        w.Add(live);
    }
}
