using SimHarness.Greenlets;

namespace SimHarness.Simulation;

internal sealed partial class World
{
    private int _geventGreenletCounter;

    /// <summary>The world behind an <see cref="ISim"/> (unwrapping the monkey-patched view).</summary>
    internal static World Of(ISim sim) => sim switch
    {
        World w => w,
        PatchedSim p => p.World,
        null => throw new ArgumentNullException(nameof(sim)),
        _ => throw new ArgumentException("greenlets need the harness's world", nameof(sim)),
    };

    /// <summary>The calling thread's greenlets, made when first asked.</summary>
    internal ThreadGreenlets GreenletsOfCurrent()
    {
        var t = CurrentThread;
        return t.Greenlets ??= new ThreadGreenlets(this, t);
    }

    /// <summary>gevent names spawned greenlets <c>Greenlet-N</c> from one counter starting at 0.</summary>
    internal int NextGeventGreenletNumber() => _geventGreenletCounter++;

    /// <summary>gevent's <c>Dummy-N</c> thread of a greenlet, numbered from the same counter as <c>Thread-N</c>.</summary>
    internal SimThread NewDummyThread()
    {
        var n = ++_threadCounter;
        var name = $"Dummy-{n}";
        return new SimThread(this, -1, NewObjectId(name + "#"), name, null, daemon: true);
    }

    /// <summary>
    /// At the end of a thread's body, every greenlet it made that is still paused gets
    /// <see cref="GreenletExit"/> (in creation order) and runs its <c>finally</c> blocks, as CPython
    /// does when the greenlet is dropped. Hub greenlets are dropped silently, as gevent's are.
    /// </summary>
    internal async Task FinalizeGreenletsAsync(SimThread t)
    {
        if (t.Greenlets is not { } gs)
        {
            return;
        }

        foreach (var g in gs.Created.ToArray())
        {
            if (!g.HasStarted || g.HasDied || g.IsHubOwned)
            {
                continue;
            }

            g.Parent = gs.Current;
            try
            {
                await gs.SwitchAsync(g, Greenlets.Transfer.Raise(new GreenletExit()), "finalize");
            }
            catch (Exception e) when (e is not ThreadKilledException && !IsControlException(e))
            {
                // CPython prints "Exception ignored in greenlet" to stderr and carries on.
                Record(t, "finalize-error", g.ObjectId, $"{e.GetType().Name}: {e.Message}", null);
            }
        }
    }
}
