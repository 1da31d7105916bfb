namespace SimHarness.Greenlets;

/// <summary>gevent's <c>monkey</c> module.</summary>
public static class Monkey
{
    /// <summary>Python's <c>monkey.patch_all()</c>: the world as seen through the calling thread's hub (see <see cref="Hub.Patched"/>).</summary>
    public static ISim PatchAll(ISim sim) => Hub.Get(sim).Patched;
}
