using System.Text;

namespace SimHarness.Cli;

/// <summary>The executable's entry point: everything else is in <see cref="Cli"/>, callable in-process.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // Transcripts are Chinese and traces keep non-ASCII text readable: the console must write UTF-8.
        Console.OutputEncoding = Encoding.UTF8;
        return Cli.Run(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected);
    }
}
