namespace SimHarness.Cli;

/// <summary>The exit codes of the command-line contract.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing unexpected.</summary>
    public const int Ok = 0;

    /// <summary>Bad usage or bad input (one line on stderr), or a stale trace.</summary>
    public const int BadUsage = 1;

    /// <summary>A violation was found, or a scenario expected to fail did not.</summary>
    public const int Violation = 2;

    /// <summary><c>explore</c> was stopped (Ctrl-C) before it finished: some reports are partial or absent (<c>explored: false</c>).</summary>
    public const int Interrupted = 3;
}
