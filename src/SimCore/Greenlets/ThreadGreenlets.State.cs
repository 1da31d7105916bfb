using System.Globalization;

namespace SimHarness.Greenlets;

/// <summary>
/// The state digest of a thread with greenlets, greenlet by greenlet, for threads whose greenlets
/// declare checkpoints (docs/state-caching.md, "Checkpoints").
/// </summary>
/// <remarks>
/// The thread's own digest (<c>SimThread.Observed</c>) is its whole history, the order of every
/// greenlet's observations included, and stays the fallback. Alongside it each greenlet keeps a chain
/// of what it observed while it ran, and the values switched into it; a checkpoint restarts its
/// chain from what it declares. Once a greenlet of the thread has declared one, the thread's digest
/// is, whenever it can be said: which greenlet runs, each greenlet's flags, parent, chain and links,
/// and the hub's ready queue, timers and socket waits, each callback by its description. When some
/// part has no description (a joinall's link, a callback half run), the whole history is used.
/// </remarks>
internal sealed partial class ThreadGreenlets
{
    private readonly StateWriter _chain = new();

    /// <summary>True once a greenlet of this thread declared a checkpoint.</summary>
    public bool Structured { get; set; }

    /// <summary>True once a value this thread passed between greenlets could not be told by its text: the digest stays the whole history.</summary>
    public bool Opaque { get; private set; }

    /// <summary>A spawned greenlet's chain starts from its spawner's: what its run function captured was decided there.</summary>
    public void Seed(Greenlet spawned)
    {
        if (!World.TrackState)
        {
            return;
        }

        _chain.Reset();
        _chain.Add("spawned").Add(Current.Chain).Add(spawned.ObjectId);
        spawned.Chain = _chain.Digest();
    }

    /// <summary>Folds an observation of this thread into the chain of the greenlet running (the hub's own are in its described queues).</summary>
    public void ObserveCurrent(long now, string op, int objectId, string? result, string? text)
    {
        var g = Current;
        if (ReferenceEquals(g, Hub?.Greenlet))
        {
            return;
        }

        _chain.Reset();
        _chain.Add(g.Chain).Add(now).Add(op).Add(objectId).Add(result).Add(text);
        g.Chain = _chain.Digest();
    }

    /// <summary>Folds what a switch hands to <paramref name="target"/> into its chain: it is news to that greenlet.</summary>
    private void ObserveTransfer(Greenlet target, Transfer transfer)
    {
        if (!World.TrackState || ReferenceEquals(target, Hub?.Greenlet))
        {
            return;
        }

        _chain.Reset();
        _chain.Add(target.Chain).Add("in").Add(transfer.Args.Length);
        foreach (var a in transfer.Args)
        {
            _chain.Add(a?.GetType().FullName).Add(ValueText(a));
        }

        if (transfer.Error is { } e)
        {
            _chain.Add(e.GetType().FullName).Add(e.Message);
        }

        target.Chain = _chain.Digest();
    }

    /// <summary>A switched value's text; a value whose type prints only its name cannot be told apart, and makes the thread opaque.</summary>
    private string? ValueText(object? a)
    {
        switch (a)
        {
            case null:
                return null;
            case Exception e:
                return e.Message;
            case string or decimal:
            case var _ when a.GetType().IsPrimitive:
                return Convert.ToString(a, CultureInfo.InvariantCulture);
        }

        var text = Convert.ToString(a, CultureInfo.InvariantCulture);
        if (text == a.GetType().ToString())
        {
            Opaque = true;
        }

        return text;
    }

    /// <summary>Writes the thread's greenlets and hub; false when some part has no description (then the thread's whole history stands for it).</summary>
    public bool TryDescribe(StateWriter w)
    {
        if (!Structured || Opaque)
        {
            return false;
        }

        w.Add("greenlets").Add(Current.ObjectId).Add(Main.Chain).Add(Main.DummyThread?.Name);
        if (Hub is { } hub)
        {
            w.Add(hub.Greenlet.HasStarted);
            if (!hub.TryDescribe(w))
            {
                return false;
            }
        }
        else
        {
            w.Add("no hub");
        }

        w.Add(_created.Count);
        foreach (var g in _created)
        {
            if (ReferenceEquals(g, Hub?.Greenlet))
            {
                continue;
            }

            // A greenlet made by user code can be switched to from anywhere with any value, and its
            // parent chain is the user's: only hub-spawned greenlets are described.
            if (g.Spawned is not { } spawned)
            {
                return false;
            }

            w.Add(g.ObjectId).Add(g.HasStarted).Add(g.HasDied).Add(g.Parent!.ObjectId).Add(g.Chain).Add(g.DummyThread?.Name);
            w.Add(spawned.HasEnded).Add(spawned.Links.Count);
            foreach (var link in spawned.Links)
            {
                if (link.Describe is not { } describe)
                {
                    return false;
                }

                describe(w);
            }
        }

        return true;
    }
}
