namespace SimHarness;

/// <summary>Python's <c>threading.ExceptHookArgs</c>: what <see cref="ISim.Excepthook"/> is called with.</summary>
/// <param name="ExcValue">The uncaught exception (<c>exc_value</c>; <c>exc_type</c> is its type).</param>
/// <param name="Thread">The thread it escaped from.</param>
public sealed record ExceptHookArgs(Exception ExcValue, SimThread Thread)
{
    /// <summary>Python's <c>exc_type</c>.</summary>
    public Type ExcType => ExcValue.GetType();
}
