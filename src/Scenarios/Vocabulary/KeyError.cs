namespace SimHarness.Scenarios.Vocabulary;

/// <summary>Python's <c>KeyError</c>: a dictionary has no such key; its message is the key's repr, as CPython prints it.</summary>
#pragma warning disable CA1710 // Python's name, kept so tracebacks read like CPython's.
public sealed class KeyError : Exception
#pragma warning restore CA1710
{
    /// <summary>Creates the error for <paramref name="key"/>, printed as <c>'key'</c>.</summary>
    public KeyError(string key)
        : base($"'{key}'")
    {
    }

    /// <summary>Creates the error with an empty message.</summary>
    public KeyError()
        : base(string.Empty)
    {
    }

    /// <summary>Creates the error with a message and an inner exception.</summary>
    public KeyError(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
