using System.Collections.Concurrent;
using System.Globalization;

namespace SimHarness.Cli.Output;

/// <summary>
/// The lines <c>serve</c> prints, written by a thread of their own: a slow or blocked stdout (a pipe
/// nobody reads) never stalls accepting, serving or stopping. When <see cref="Capacity"/> lines wait
/// unwritten, further ones are dropped and counted.
/// </summary>
internal sealed class PeerLog : IDisposable
{
    /// <summary>Lines held for a slow stdout before new ones are dropped.</summary>
    public const int Capacity = 10_000;

    private readonly BlockingCollection<string> _lines = new(Capacity);
    private readonly TextWriter _out;
    private readonly Thread _writer;
    private long _dropped;

    public PeerLog(TextWriter output)
    {
        _out = output;
#pragma warning disable RS0030 // Real serving, outside every simulated run: a writer thread that may block on stdout alone.
        _writer = new Thread(Write) { IsBackground = true, Name = "serve-stdout" };
#pragma warning restore RS0030
        _writer.Start();
    }

    /// <summary>Lines dropped because stdout did not keep up.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues <paramref name="line"/>, or drops it when <see cref="Capacity"/> lines already wait.</summary>
    public void Line(string line)
    {
        if (!_lines.TryAdd(line))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Stops taking lines and waits at most <paramref name="grace"/> for the queued ones to be written; false if stdout stayed blocked.</summary>
    public bool Finish(TimeSpan grace)
    {
        _lines.CompleteAdding();
        return _writer.Join(grace);
    }

    /// <summary>Frees the queue, unless the writer thread is still blocked on stdout (it then keeps it until the process ends).</summary>
    public void Dispose()
    {
        if (!_writer.IsAlive)
        {
            _lines.Dispose();
        }
    }

    private void Write()
    {
        try
        {
            foreach (var line in _lines.GetConsumingEnumerable())
            {
                _out.WriteLine(line);
                if (_lines.Count == 0)
                {
                    _out.Flush();
                }
            }
        }
        catch (IOException)
        {
            // stdout was closed: the lines have nowhere to go, serving goes on.
            Interlocked.Add(ref _dropped, _lines.Count);
        }
        catch (ObjectDisposedException)
        {
            // The log was disposed while this thread was still blocked on stdout: nothing left to do.
        }
    }

    /// <summary>The stderr note on dropped lines, or null.</summary>
    public string? DroppedNote() => Dropped == 0
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"warning: {Dropped} output lines were dropped: stdout was not read fast enough");
}
