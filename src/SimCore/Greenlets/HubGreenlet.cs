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
    /// <remarks>Read by user code it is an observation of the reader (as are <see cref="Value"/> and <see cref="Exception"/>): of another thread, or of a sibling greenlet, whose chain the greenlet-by-greenlet digest keeps.</remarks>
    public bool Ready
    {
        get
        {
            Read(HasEnded ? "true" : "false", "ready");
            return HasEnded;
        }
    }

    /// <summary>True when it ended without an exception (gevent's <c>successful()</c>).</summary>
    public bool Successful => Ready && Exception is null;

    /// <summary>The run function's return value, once it has ended successfully.</summary>
    public object? Value
    {
        get
        {
            Read(ValueText(_value), "value");
            return _value;
        }
    }

    /// <summary>The exception that ended the run function, if any.</summary>
    public Exception? Exception
    {
        get
        {
            Read(_exception is null ? "none" : $"{_exception.GetType().FullName}: {_exception.Message}", "exception");
            return _exception;
        }
    }

    /// <summary><see cref="Ready"/> as the harness reads it: not an observation.</summary>
    internal bool HasEnded { get; private set; }

    /// <summary><see cref="Exception"/> as the harness reads it: not an observation.</summary>
    internal Exception? Failure => _exception;

    private object? _value;
    private Exception? _exception;

    /// <summary>Notes a read of this greenlet's result by user code.</summary>
    private void Read(string text, string what) => _hub.World.ObserveRead(_hub.Owner.Thread, text, what, Greenlet.ObjectId);

    /// <summary>A result's text; a value whose type prints only its name cannot be told apart, and no state of the run is matched after it is read.</summary>
    private string ValueText(object? v)
    {
        if (v is null)
        {
            return "null";
        }

        var text = Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "null";
        if (!(v.GetType().IsPrimitive || v is string or decimal) && text == v.GetType().ToString() && _hub.World.TrackState)
        {
            _hub.World.Untracked();
        }

        return v.GetType().FullName + ":" + text;
    }

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
            _value = await _run(args);
        }
        catch (GreenletExit e)
        {
            _value = e;
        }
        catch (ThreadKilledException)
        {
            throw;
        }
        catch (Exception e) when (!World.IsControlException(e))
        {
            _exception = e;
            _hub.ReportFailure(this, e);
        }

        HasEnded = true;
        _hub.NotifyLinks(this);
        return null;
    }
}
