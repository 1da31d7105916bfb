using SimHarness.Simulation;

namespace SimHarness.Threading;

/// <summary>Python's <c>threading.BoundedSemaphore</c>: a <see cref="Semaphore"/> whose counter may never exceed its initial value.</summary>
/// <remarks>A release past the initial value raises <see cref="ValueError"/> <c>Semaphore released too many times</c> and changes nothing.</remarks>
public sealed class BoundedSemaphore : Semaphore
{
    internal BoundedSemaphore(World world, int id, int value)
        : base(world, id, value)
    {
    }

    private protected override bool IsOverRelease(int n) => Value + n > InitialValue;
}
