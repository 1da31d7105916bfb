namespace SimHarness.Sockets;

/// <summary>Python's <c>OSError</c> from a socket call, with its errno and CPython's message text.</summary>
public class SocketErrorException : IOException
{
    /// <summary>Creates the error with Python's <c>[Errno N] text</c> message.</summary>
    public SocketErrorException(int errno, string text)
        : base($"[Errno {errno}] {text}") => Errno = errno;

    /// <summary>The Linux errno.</summary>
    public int Errno { get; }
}
