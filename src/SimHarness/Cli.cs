using System.CommandLine;
using System.CommandLine.Help;
using System.Text.Json;
using SimHarness.Cli.Commands;

namespace SimHarness.Cli;

/// <summary>The whole command-line program, callable in-process: <c>list</c>, <c>run</c>, <c>explore</c>, <c>replay</c>, <c>serve</c>, <c>merge</c>.</summary>
public static class Cli
{
    /// <summary>Parses and runs one command line; returns the exit code (0 fine, 1 bad usage or input, 2 violation).</summary>
    /// <param name="args">The arguments, verb first.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where the one-line error goes.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, interactive: false);

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, drawing a live progress bar and tables when <paramref name="interactive"/>.</summary>
    /// <param name="args">The arguments, verb first.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where the one-line error goes.</param>
    /// <param name="interactive">True when stdout is a terminal.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool interactive) =>
        Run(args, stdout, stderr, interactive, CancellationToken.None);

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter, bool)"/>; cancelling <paramref name="cancellation"/> stops a long-running verb (<c>serve</c>) as Ctrl-C does.</summary>
    /// <param name="args">The arguments, verb first.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where the one-line error goes.</param>
    /// <param name="interactive">True when stdout is a terminal.</param>
    /// <param name="cancellation">Stops <c>serve</c> cleanly (exit 0).</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool interactive, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var ctx = new CliContext(stdout, stderr, interactive, cancellation);
        var root = new RootCommand("SimHarness: deterministic simulation and exploration of concurrent scenarios")
        {
            ListCommand.Create(ctx),
            RunCommand.Create(ctx),
            ExploreCommand.Create(ctx),
            ServeCommand.Create(ctx),
            ReplayCommand.Create(ctx),
            ShrinkCommand.Create(ctx),
            TimelineCommand.Create(ctx),
            MergeCommand.Create(ctx),
        };
        if (args.Length == 0)
        {
            return Fail(stderr, "no verb given: use list, run, explore, replay, shrink, timeline, merge or serve (see --help)");
        }

        var parsed = root.Parse(args);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };

        // Help wins over parse errors (`run --help` without a scenario is fine); any other parse error is one line.
        if (parsed.Action is not HelpAction && parsed.Errors.Count > 0)
        {
            // An unknown verb or option explains more than the "required command missing" it causes.
            var error = parsed.UnmatchedTokens.Count > 0
                ? $"unrecognized argument '{parsed.UnmatchedTokens[0]}'"
                : parsed.Errors[0].Message;
            return Fail(stderr, $"{ParseErrors.Readable(error)} (see --help)");
        }

        try
        {
            return parsed.Invoke(config);
        }
        catch (Exception ex) when (IsExpected(ex))
        {
            return Fail(stderr, ex.Message);
        }
#pragma warning disable CA1031 // The last line of defence: no exception reaches the runtime (a stack trace, exit 134).
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return Fail(stderr, $"internal error, please report it: {ex.Message}");
        }
    }

    private static bool IsExpected(Exception ex) =>
        ex is UsageException or HarnessEscapeException or IOException or UnauthorizedAccessException or JsonException;

    private static int Fail(TextWriter stderr, string message)
    {
        // Exactly one line, whatever the exception's text looks like, with any control character from a file escaped.
        stderr.WriteLine("error: " + Output.Printable.Escape(ParseErrors.WithoutTypeNames(message.ReplaceLineEndings(" ").Trim())));
        return ExitCodes.BadUsage;
    }
}
