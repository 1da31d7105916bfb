namespace SimHarness.Tests.Greenlets.Fidelity;

/// <summary>Python's ValueError, so twins print the same repr (an empty message prints as <c>ValueError()</c>).</summary>
public sealed class ValueError : Exception
{
    public ValueError()
        : base("")
    {
    }

    public ValueError(string message)
        : base(message)
    {
    }

    public ValueError(string message, Exception inner)
        : base(message, inner)
    {
    }
}
