namespace SimHarness.Cli;

/// <summary>Where a verb writes and whether it may draw live widgets.</summary>
/// <param name="Out">Standard output (results, JSON, help).</param>
/// <param name="Error">Standard error (the one-line error of bad usage).</param>
/// <param name="Interactive">True on a terminal: progress bar and tables; false when redirected: plain lines, no ANSI.</param>
/// <param name="Cancellation">Stops a long-running verb (<c>serve</c>) as Ctrl-C does; lets in-process callers and tests stop it.</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, bool Interactive, CancellationToken Cancellation = default);
