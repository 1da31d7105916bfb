using System.Globalization;
using SimHarness.Catalog;

namespace SimHarness.Tests.Properties;

/// <summary>How hard the simulated network may be on a run: the budgets of its choices (rule 6 of docs/semantics.md).</summary>
/// <param name="Segments">Segmentation choices per run: splitting a send, coalescing segments in a recv.</param>
/// <param name="Faults">Faults per run: a reset on a send, a refused or delayed connect.</param>
internal sealed record FaultPlan(int Segments, int Faults)
{
    /// <summary>The plan as parameters of <paramref name="c"/>'s scenario: only those it has (<c>segments</c>, <c>faults</c>).</summary>
    public ScenarioCase ApplyTo(ScenarioCase c, ScenarioInfo info)
    {
        var p = new Dictionary<string, string>(c.Params, StringComparer.Ordinal);
        if (info.Params.Any(x => x.Name == "segments"))
        {
            p["segments"] = Segments.ToString(CultureInfo.InvariantCulture);
        }

        if (info.Params.Any(x => x.Name == "faults"))
        {
            p["faults"] = Faults.ToString(CultureInfo.InvariantCulture);
        }

        return c with { Params = p };
    }

    /// <inheritdoc />
    public override string ToString() => $"segments={Segments};faults={Faults}";
}
