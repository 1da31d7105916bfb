namespace SimHarness.Tests.Greenlets.Fidelity;

/// <summary>Python's KeyError, so twins print the same repr (an empty message prints as <c>KeyError()</c>).</summary>
public sealed class KeyError : Exception
{
    public KeyError()
        : base("")
    {
    }

    public KeyError(string message)
        : base(message)
    {
    }

    public KeyError(string message, Exception inner)
        : base(message, inner)
    {
    }
}
