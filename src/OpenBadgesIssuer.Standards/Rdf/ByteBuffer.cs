using System.Text;

namespace OpenBadgesIssuer.Standards.Rdf;

/// <summary>A growable byte buffer for writing N-Quads lines without intermediate strings.</summary>
internal sealed class ByteBuffer(int capacity)
{
    private byte[] _buffer = new byte[Math.Max(capacity, 16)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    public byte[] RawBuffer => _buffer;

    public ReadOnlySpan<byte> Slice(int start, int length) => _buffer.AsSpan(start, length);

    public void Clear() => Length = 0;

    /// <summary>Makes room for at least <paramref name="capacity"/> bytes in total, so that later appends do not regrow.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _buffer.Length)
        {
            Grow(capacity - Length);
        }
    }

    public void Append(byte value)
    {
        if (Length == _buffer.Length)
        {
            Grow(1);
        }
        _buffer[Length++] = value;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (Length + bytes.Length > _buffer.Length)
        {
            Grow(bytes.Length);
        }
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>Appends UTF-8 of text that contains no unpaired surrogates (callers escape those first).</summary>
    public void AppendUtf8(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (Length + max > _buffer.Length)
        {
            Grow(max);
        }
        Length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(Length));
    }

    private void Grow(int needed)
    {
        var size = Math.Max(_buffer.Length * 2, Length + needed);
        Array.Resize(ref _buffer, size);
    }
}
