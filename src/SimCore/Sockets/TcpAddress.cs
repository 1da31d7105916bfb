using System.Globalization;

namespace SimHarness.Sockets;

/// <summary>An IPv4 address and port, printed as Python prints a socket address: <c>('127.0.0.1', 8080)</c>.</summary>
/// <param name="Host">The dotted address.</param>
/// <param name="Port">The TCP port.</param>
public sealed record TcpAddress(string Host, int Port)
{
    /// <summary>Python's repr of the address tuple.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"('{Host}', {Port})");
}
