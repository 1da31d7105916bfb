namespace SimHarness;

/// <summary>Bad usage or bad input: the CLI prints the message as one line and exits with code 1.</summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the exception with its one-line message.</summary>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its one-line message and cause.</summary>
    public UsageException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public UsageException()
        : base("bad usage")
    {
    }
}
