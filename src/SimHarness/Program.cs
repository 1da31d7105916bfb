using System.Text;
using Microsoft.Win32.SafeHandles;

namespace SimHarness.Cli;

/// <summary>The executable's entry point: everything else is in <see cref="Cli"/>, callable in-process.</summary>
internal static class Program
{
    private const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    private static int Main(string[] args)
    {
        if (Hosting.CompiledCode.TryRun(args, out var exitCode))
        {
            return exitCode;
        }

        // Transcripts are Chinese and traces keep non-ASCII text readable: the console must write UTF-8.
        Console.OutputEncoding = Encoding.UTF8;
        if (args is ["serve", ..] && args.Contains("--quiet") && Environment.GetEnvironmentVariable(InlineCompletions) is null)
        {
            // The echo server's work per read is a few microseconds and never blocks: running it on
            // the socket engine's threads instead of hopping to the thread pool cuts its CPU per
            // round trip by about a quarter (BENCHMARKS.md). Only with --quiet: printing each peer
            // may block on a stdout nobody reads, and that must not stall the engine's threads.
            // Read when the first socket is made, so it is set before.
            Environment.SetEnvironmentVariable(InlineCompletions, "1");
        }

        if (args is ["serve", ..])
        {
            // serve's stdout may be a pipe nobody reads. Console serialises its streams' writes on one
            // lock, so a write blocked on stdout would also block stderr and the exit: serve writes
            // file descriptor 1 itself, from its own writer thread (Output/PeerLog.cs).
            using var stdout = new StreamWriter(new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 1), new UTF8Encoding(false)) { AutoFlush = true };
            return Cli.Run(args, stdout, Console.Error, interactive: false);
        }

        return Cli.Run(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected);
    }
}
