namespace SimHarness.Greenlets;

public sealed partial class Hub
{
    /// <summary>gevent's <c>joinall</c>: waits until every greenlet has ended, or the timeout passes; returns those that ended.</summary>
    /// <param name="greenlets">The greenlets to wait for; an empty list returns at once, as gevent does.</param>
    /// <param name="timeoutSeconds">Seconds to wait at most; null waits for all.</param>
    /// <param name="raiseError">Raise the exception of the first greenlet found failed (gevent's <c>raise_error</c>).</param>
    /// <returns>The greenlets that ended: those already ended in list order, then in the order they ended.</returns>
    public async Task<IReadOnlyList<HubGreenlet>> JoinAllAsync(IEnumerable<HubGreenlet> greenlets, decimal? timeoutSeconds = null, bool raiseError = false)
    {
        ArgumentNullException.ThrowIfNull(greenlets);
        var all = greenlets.Distinct().ToList();
        var micros = timeoutSeconds is { } s ? CheckedMicros(s, "timeout") : -1;
        if (all.Any(g => ReferenceEquals(g.Greenlet, Owner.Current)))
        {
            throw new InvalidOperationException("a greenlet cannot join itself");
        }

        await StepAsync("joinall", Greenlet.ObjectId);
        var ended = new Queue<HubGreenlet>(all.Where(g => g.HasEnded));
        var results = new List<HubGreenlet>();
        HubWait? waiting = null;
        var timedOut = false;
        // The link fills a queue of this frame's: it cannot be described, and while it is pending
        // the thread's digest is its whole history.
        var link = new HubLink(
            g =>
            {
                ended.Enqueue(g);
                return waiting is { } w ? ResumeAsync(w, null) : Task.CompletedTask;
            },
            null);
        HubTimer? timer = null;
        using (World.Atomic())
        {
            World.Record(Owner.Thread, "joinall", Greenlet.ObjectId, $"{ended.Count}/{all.Count} ended", null);
            foreach (var g in all.Where(g => !g.HasEnded))
            {
                g.Links.Add(link);
            }

            if (micros >= 0 && ended.Count < all.Count)
            {
                timer = Arm(micros, new HubCallback(
                    () =>
                    {
                        timedOut = true;
                        return waiting is { } w ? ResumeAsync(w, null) : Task.CompletedTask;
                    },
                    null));
            }
        }

        try
        {
            while (results.Count < all.Count)
            {
                if (ended.Count == 0)
                {
                    if (timedOut)
                    {
                        break;
                    }

                    waiting = BeginWait();
                    await WaitAsync(waiting);
                    continue;
                }

                var g = ended.Dequeue();
                if (raiseError && g.Failure is { } e)
                {
                    ObserveJoinAll(results, g);
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
                }

                results.Add(g);
            }

            ObserveJoinAll(results, null);
            return results;
        }
        finally
        {
            timer?.Cancel();
            foreach (var g in all)
            {
                g.Links.Remove(link);
            }
        }
    }

    /// <summary>
    /// What a joinall hands its caller (which greenlets ended, in what order, and the failure it
    /// raises) depends on the order its siblings ended in: news to the calling greenlet's chain.
    /// </summary>
    private void ObserveJoinAll(List<HubGreenlet> results, HubGreenlet? raised)
    {
        if (World.TrackState)
        {
            Owner.ObserveCurrent(World.NowMicros, "joinall", Greenlet.ObjectId, string.Join(",", results.Select(r => r.Name)), raised?.Name);
        }
    }

    /// <summary>gevent's <c>Greenlet.join</c>: waits until <paramref name="g"/> has ended or the timeout passes.</summary>
    internal async Task<bool> JoinAsync(HubGreenlet g, decimal? timeoutSeconds)
    {
        var micros = timeoutSeconds is { } s ? CheckedMicros(s, "timeout") : -1;
        if (ReferenceEquals(g.Greenlet, Owner.Current))
        {
            throw new InvalidOperationException("a greenlet cannot join itself");
        }

        await StepAsync("join", g.Greenlet.ObjectId);
        HubWait wait;
        HubLink link;
        HubTimer? timer = null;
        using (World.Atomic())
        {
            World.Record(Owner.Thread, "join", g.Greenlet.ObjectId, g.HasEnded ? "ended" : "blocked", null);
            if (g.HasEnded)
            {
                return true;
            }

            wait = BeginWait();
            link = new HubLink(_ => ResumeAsync(wait, true), w => w.Add("join").Add(wait.Greenlet.ObjectId).Add(wait.Done));
            g.Links.Add(link);
            if (micros >= 0)
            {
                timer = Arm(micros, Resume(wait, false));
            }
        }

        try
        {
            return await WaitAsync(wait) is true;
        }
        finally
        {
            g.Links.Remove(link);
            timer?.Cancel();
        }
    }

    /// <summary>A spawned greenlet ended: one hub callback runs its links, as gevent's <c>_notify_links</c>.</summary>
    internal void NotifyLinks(HubGreenlet g)
    {
        if (g.Links.Count == 0)
        {
            return;
        }

        // Its links may switch away one by one: a hub parked inside it has links left to run, so it
        // is described only while pending, not while running.
        _ready.Add(new HubCallback(
            async () =>
            {
                foreach (var link in g.Links.ToArray())
                {
                    await link.Run(g);
                }
            },
            w => w.Add("notify").Add(g.Greenlet.ObjectId),
            endsWithSwitch: false));
    }

    /// <summary>gevent prints a failed greenlet's traceback to stderr: here it goes to the event log, not to output.</summary>
    internal void ReportFailure(HubGreenlet g, Exception e)
    {
        using var _ = World.Atomic();
        World.Record(Owner.Thread, "greenlet-failed", g.Greenlet.ObjectId, $"{e.GetType().Name}: {e.Message}", null);
    }
}
