using System.Text.Encodings.Web;
using System.Text.Json;

namespace SimHarness.Census;

/// <summary>How an exploration's outcomes differ from its census.</summary>
/// <param name="AddedOutcomes">Transcripts the exploration found that the census does not list.</param>
/// <param name="MissingOutcomes">Transcripts the census lists that the exploration did not find.</param>
/// <param name="AddedViolations">Violations found that the census does not list.</param>
/// <param name="MissingViolations">Violations the census lists that were not found.</param>
public sealed record CensusDiff(
    IReadOnlyList<IReadOnlyList<string>> AddedOutcomes,
    IReadOnlyList<IReadOnlyList<string>> MissingOutcomes,
    IReadOnlyList<Violation> AddedViolations,
    IReadOnlyList<Violation> MissingViolations)
{
    private static readonly JsonSerializerOptions s_oneLine = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>True when nothing was added or missing.</summary>
    public bool IsEmpty => AddedOutcomes.Count + MissingOutcomes.Count + AddedViolations.Count + MissingViolations.Count == 0;

    /// <summary>One readable line per difference: <c>added outcome ["line", "line"]</c>, <c>missing violation deadlock: ...</c>.</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var o in AddedOutcomes)
        {
            yield return "added outcome " + Transcript(o);
        }

        foreach (var o in MissingOutcomes)
        {
            yield return "missing outcome " + Transcript(o);
        }

        foreach (var v in AddedViolations)
        {
            yield return $"added violation {v.Invariant}: {v.Message.ReplaceLineEndings(" ")}";
        }

        foreach (var v in MissingViolations)
        {
            yield return $"missing violation {v.Invariant}: {v.Message.ReplaceLineEndings(" ")}";
        }
    }

    // A JSON array keeps a transcript on one line and its line boundaries unambiguous, with the text readable.
    private static string Transcript(IReadOnlyList<string> lines) => JsonSerializer.Serialize(lines, s_oneLine);
}
