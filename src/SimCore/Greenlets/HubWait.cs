namespace SimHarness.Greenlets;

/// <summary>One greenlet waiting in the hub (sleep, join, joinall); whoever resumes it first wins, later wake-ups are ignored.</summary>
internal sealed class HubWait(Greenlet greenlet)
{
    public Greenlet Greenlet { get; } = greenlet;

    public bool Done { get; set; }
}
