namespace SimHarness.Simulation;

/// <summary>Unwinds a simulated thread whose run has ended (like greenlet's GreenletExit at the end).</summary>
internal sealed class ThreadKilledException : Exception
{
    public ThreadKilledException()
        : base("the run has ended")
    {
    }

    public ThreadKilledException(string message)
        : base(message)
    {
    }

    public ThreadKilledException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
