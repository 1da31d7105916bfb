using System.Text.Json;
using System.Text.Json.Nodes;

namespace SimHarness.Input;

/// <summary>Reads the JSON files the harness is given (traces, census files, shard reports, Coyote traces) within stated limits.</summary>
/// <remarks>
/// The limits (README "Limits"): a file is at most <see cref="MaxBytes"/> bytes, read only that far
/// (so <c>/dev/zero</c> or an endless pipe is refused, not read until memory runs out), and JSON
/// nests at most <see cref="MaxDepth"/> deep. Invalid UTF-8, and an object that names a property
/// twice, are refused as invalid JSON.
/// </remarks>
public static class InputFile
{
    /// <summary>The largest input file: 128 MiB.</summary>
    public const long MaxBytes = 128L * 1024 * 1024;

    /// <summary>The deepest JSON nesting accepted (the harness writes at most 4 levels).</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses the JSON file at <paramref name="path"/>, or explains in one line why not.</summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What the file should be, for messages: "trace", "census", "report".</param>
    /// <param name="notFound">The message when the file does not exist.</param>
    public static JsonNode? ReadJson(string path, string what, string notFound) =>
        ParseJson(ReadBytes(path, what, notFound), path, what);

    /// <summary>The JSON object at <paramref name="path"/> whose <c>format</c> is <paramref name="format"/>, or a one-line refusal.</summary>
    public static JsonObject ReadFormatted(string path, string what, string notFound, string format)
    {
        var root = ReadJson(path, what, notFound);
        if (root is not JsonObject o || o["format"] is not JsonValue f || !f.TryGetValue<string>(out var actual) || actual != format)
        {
            throw new UsageException($"{what} {path} is not a SimHarness {what} (no \"format\": \"{format}\")");
        }

        return o;
    }

    /// <summary>Parses bytes read from <paramref name="path"/> as JSON within <see cref="MaxDepth"/>, or explains in one line why not.</summary>
    public static JsonNode? ParseJson(byte[] bytes, string path, string what)
    {
        try
        {
            // A name given twice in one object is refused here: which value was meant is not ours to guess.
            return JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{what} {path} is not valid JSON (truncated or corrupt): {ex.Message.Split('\n')[0].Trim()}", ex);
        }
    }

    /// <summary>The file's bytes, refusing directories, missing files and files past <see cref="MaxBytes"/>.</summary>
    public static byte[] ReadBytes(string path, string what, string notFound)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"{what} {path} is a directory, not a file");
        }

        if (!File.Exists(path))
        {
            throw new UsageException(notFound);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > MaxBytes)
            {
                throw new UsageException($"{what} {path} is larger than the input limit of {MaxBytes / (1024 * 1024)} MiB");
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }
}
