using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace SimHarness;

/// <summary>Accumulates a 128-bit digest of a piece of simulated state (a monitor's, an object's, the whole world's).</summary>
/// <remarks>
/// Two states with equal digests are taken to have the same future by the state-caching search, so
/// everything that can change what happens next must be written. Values are written with their
/// length or a type tag, so <c>Add("ab").Add("c")</c> and <c>Add("a").Add("bc")</c> differ.
/// The digest is XxHash128 over what was written: the chance that two different states collide is
/// about n²/2¹²⁹ for n states (below 10⁻²⁰ for a billion states).
/// </remarks>
public sealed class StateWriter
{
    // Everything is written to one buffer and hashed once: far cheaper than hashing piece by piece.
    private byte[] _buffer = new byte[256];
    private int _length;

    internal StateWriter()
    {
    }

    /// <summary>Writes an integer.</summary>
    public StateWriter Add(long value)
    {
        var span = Reserve(9);
        span[0] = 1;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], value);
        return this;
    }

    /// <summary>Writes a flag.</summary>
    public StateWriter Add(bool value) => Add(value ? 1L : 0L);

    /// <summary>Writes a text (null differs from empty).</summary>
    public StateWriter Add(string? value)
    {
        if (value is null)
        {
            Reserve(1)[0] = 2;
            return this;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        var span = Reserve(5 + max);
        span[0] = 4;
        var n = Encoding.UTF8.GetBytes(value, span[5..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], n);
        _length -= max - n;
        return this;
    }

    /// <summary>Writes raw bytes, length first.</summary>
    public StateWriter Add(ReadOnlySpan<byte> bytes)
    {
        var span = Reserve(5 + bytes.Length);
        span[0] = 5;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], bytes.Length);
        bytes.CopyTo(span[5..]);
        return this;
    }

    /// <summary>Writes another digest.</summary>
    public StateWriter Add(UInt128 digest)
    {
        var span = Reserve(17);
        span[0] = 3;
        BinaryPrimitives.WriteUInt128LittleEndian(span[1..], digest);
        return this;
    }

    /// <summary>The digest of everything written so far.</summary>
    internal UInt128 Digest() => XxHash128.HashToUInt128(_buffer.AsSpan(0, _length));

    /// <summary>Starts over.</summary>
    internal void Reset() => _length = 0;

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
