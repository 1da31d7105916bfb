namespace SimHarness.Greenlets;

/// <summary>greenlet's <c>GreenletExit</c>: thrown into a greenlet to end it; a greenlet ending with it returns it to its parent instead of raising.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "greenlet's own name for it")]
public class GreenletExit : Exception
{
    /// <summary>Creates the exception (Python: <c>GreenletExit()</c>).</summary>
    public GreenletExit()
        : base("GreenletExit")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GreenletExit(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public GreenletExit(string message, Exception inner)
        : base(message, inner)
    {
    }
}
