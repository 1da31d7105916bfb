using System.Runtime.ExceptionServices;

namespace SimHarness.Greenlets;

/// <summary>What one switch hands to the greenlet it resumes: arguments, or an exception to raise there.</summary>
internal readonly record struct Transfer(object?[] Args, Exception? Error)
{
    public static Transfer Empty { get; } = new([], null);

    public static Transfer Of(object?[] args) => new(args, null);

    /// <summary>One value (a return value, a wake-up value), never spread even if it is a tuple.</summary>
    public static Transfer One(object? value) => new([value], null);

    public static Transfer Raise(Exception error) => new([], error);

    /// <summary>The value a switch returns (<see cref="PyValues.Pack"/>), or the exception raised.</summary>
    public object? Unpack()
    {
        if (Error is { } e)
        {
            ExceptionDispatchInfo.Throw(e);
        }

        return PyValues.Pack(Args);
    }
}
