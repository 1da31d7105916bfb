using System.Text;

namespace SimHarness.Tests.Hostile;

/// <summary>A stdout nobody reads: every write blocks until the test ends (a full pipe).</summary>
internal sealed class BlockedWriter : TextWriter
{
    private readonly ManualResetEventSlim _released = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => _released.Wait();

    public override void Write(string? value) => _released.Wait();

    public override void WriteLine(string? value) => _released.Wait();

    /// <summary>Lets the blocked writes return (the test's cleanup).</summary>
    public void Release() => _released.Set();

    protected override void Dispose(bool disposing)
    {
        Release();
        if (disposing)
        {
            _released.Dispose();
        }

        base.Dispose(disposing);
    }
}
