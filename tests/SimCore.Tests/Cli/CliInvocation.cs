using SimHarness.Cli;

namespace SimHarness.Tests.Cli;

/// <summary>What one in-process call of the command-line program produced.</summary>
internal sealed record CliInvocation(int ExitCode, string Out, string Error)
{
    /// <summary>The non-empty lines written to stderr.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Runs the CLI in-process with redirected (non-terminal) output.</summary>
    public static CliInvocation Of(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = SimHarness.Cli.Cli.Run(args, stdout, stderr);
        return new CliInvocation(code, stdout.ToString(), stderr.ToString());
    }
}
