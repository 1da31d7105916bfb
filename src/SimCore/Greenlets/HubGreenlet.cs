using SimHarness.Simulation;

namespace SimHarness.Greenlets;

/// <summary>A greenlet spawned by a <see cref="Hub"/> (gevent's <c>Greenlet</c>): its value or exception is kept for whoever joins it.</summary>
/// <remarks>
/// As in gevent, an exception escaping the run function does not reach the hub: it is stored in
/// <see cref="Exception"/> and logged (gevent prints a traceback to stderr, which is not output);
/// a <see cref="GreenletExit"/> counts as success and becomes the value.
/// </remarks>
public sealed class HubGreenlet
{
    private readonly Hub _hub;
    private readonly Func<object?[], Task<object?>> _run;

    internal HubGreenlet(Hub hub, Func<object?[], Task<object?>> run, string name)
    {
        _hub = hub;
        _run = run;
        Greenlet = new Greenlet(hub.Owner, RunAsync, hub.Greenlet, name, hubOwned: true) { Spawned = this };
    }

    /// <summary>gevent's name: <c>Greenlet-N</c>, from one counter per run, starting at 0.</summary>
    public string Name => Greenlet.Name;

    /// <summary>The underlying greenlet (its parent is the hub).</summary>
    public Greenlet Greenlet { get; }

    /// <summary>True once the run function has ended, with a value or an exception (gevent's <c>ready()</c>).</summary>
    public bool Ready { get; private set; }

    /// <summary>True when it ended without an exception (gevent's <c>successful()</c>).</summary>
    public bool Successful => Ready && Exception is null;

    /// <summary>The run function's return value, once it has ended successfully.</summary>
    public object? Value { get; private set; }

    /// <summary>The exception that ended the run function, if any.</summary>
    public Exception? Exception { get; private set; }

    /// <summary>Waits until this greenlet has ended, or <paramref name="timeoutSeconds"/> passes; returns whether it has ended.</summary>
    public Task<bool> JoinAsync(decimal? timeoutSeconds = null) => _hub.JoinAsync(this, timeoutSeconds);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Called when it ends; each link runs once, in the hub, from one notification callback.</summary>
    internal List<HubLink> Links { get; } = [];

    private async Task<object?> RunAsync(object?[] args)
    {
        try
        {
            Value = await _run(args);
        }
        catch (GreenletExit e)
        {
            Value = e;
        }
        catch (ThreadKilledException)
        {
            throw;
        }
        catch (Exception e) when (!World.IsControlException(e))
        {
            Exception = e;
            _hub.ReportFailure(this, e);
        }

        Ready = true;
        _hub.NotifyLinks(this);
        return null;
    }
}
