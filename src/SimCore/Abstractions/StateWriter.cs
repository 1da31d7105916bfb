using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace SimHarness;

/// <summary>Accumulates a 128-bit digest of a piece of simulated state (a monitor's, an object's, the whole world's).</summary>
/// <remarks>
/// Two states with equal digests are taken to have the same future by the state-caching search, so
/// everything that can change what happens next must be written. Values are written with their
/// length or a type tag, so <c>Add("ab").Add("c")</c> and <c>Add("a").Add("bc")</c> differ.
/// The digest is XxHash128: the chance that two different states collide is about n²/2¹²⁹ for n
/// states (below 10⁻²⁴ for a billion states).
/// </remarks>
public sealed class StateWriter
{
    private readonly XxHash128 _hash = new();
    private readonly byte[] _buffer = new byte[17];

    internal StateWriter()
    {
    }

    /// <summary>Writes an integer.</summary>
    public StateWriter Add(long value)
    {
        _buffer[0] = 1;
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(1), value);
        _hash.Append(_buffer.AsSpan(0, 9));
        return this;
    }

    /// <summary>Writes a flag.</summary>
    public StateWriter Add(bool value) => Add(value ? 1L : 0L);

    /// <summary>Writes a text (null differs from empty).</summary>
    public StateWriter Add(string? value)
    {
        if (value is null)
        {
            _buffer[0] = 2;
            _hash.Append(_buffer.AsSpan(0, 1));
            return this;
        }

        Add((long)value.Length);
        _hash.Append(MemoryMarshalBytes(value));
        return this;
    }

    /// <summary>Writes raw bytes, length first.</summary>
    public StateWriter Add(ReadOnlySpan<byte> bytes)
    {
        Add((long)bytes.Length);
        _hash.Append(bytes);
        return this;
    }

    /// <summary>Writes another digest.</summary>
    public StateWriter Add(UInt128 digest)
    {
        _buffer[0] = 3;
        BinaryPrimitives.WriteUInt128LittleEndian(_buffer.AsSpan(1), digest);
        _hash.Append(_buffer.AsSpan(0, 17));
        return this;
    }

    /// <summary>The digest of everything written so far.</summary>
    internal UInt128 Digest() => _hash.GetCurrentHashAsUInt128();

    /// <summary>Starts over.</summary>
    internal void Reset() => _hash.Reset();

    /// <summary>The digest of one value's written form: what <see cref="Add(string)"/> would write, hashed alone.</summary>
    internal static UInt128 Chain(UInt128 previous, Action<StateWriter> write)
    {
        var w = new StateWriter();
        w.Add(previous);
        write(w);
        return w.Digest();
    }

    private static ReadOnlySpan<byte> MemoryMarshalBytes(string s) => Encoding.UTF8.GetBytes(s);
}
