using System.CommandLine;
using System.Text.Json.Nodes;
using SimHarness.Catalog;
using SimHarness.Cli.Output;

namespace SimHarness.Cli.Commands;

/// <summary><c>list</c>: the scenarios and their parameters.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext ctx)
    {
        var assembly = CommonOptions.Assembly();
        var json = new Option<bool>("--json") { Description = "write the list as JSON" };
        var cmd = new Command("list", "list the scenarios and their parameters with type, default and meaning") { assembly, json };
        cmd.SetAction(p =>
        {
            var catalog = CommonOptions.LoadCatalog(p.GetValue(assembly));
            if (p.GetValue(json))
            {
                ctx.Out.WriteLine(JsonShapes.Text(ToJson(catalog)));
            }
            else
            {
                WriteText(ctx.Out, catalog);
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static JsonArray ToJson(IReadOnlyList<ScenarioInfo> catalog) =>
        new(catalog.Select(s => (JsonNode?)new JsonObject
        {
            ["name"] = s.Name,
            ["description"] = s.Description,
            ["expectedToFail"] = s.ExpectedViolation,
            ["exploreWith"] = s.ExploreOverrides.Count == 0 ? null : string.Join(";", s.ExploreOverrides.Select(kv => $"{kv.Key}={kv.Value}")),
            ["params"] = new JsonArray(s.Params.Select(p => (JsonNode?)new JsonObject
            {
                ["name"] = p.Name,
                ["type"] = p.TypeName,
                ["default"] = JsonShapes.Value(p.Default),
                ["min"] = JsonShapes.Value(p.Min),
                ["max"] = JsonShapes.Value(p.Max),
                ["description"] = p.Description,
            }).ToArray()),
        }).ToArray());

    private static void WriteText(TextWriter w, IReadOnlyList<ScenarioInfo> catalog)
    {
        foreach (var s in catalog)
        {
            var marker = s.ExpectedToFail ? $"  [expected to fail: {s.ExpectedViolation}]" : "";
            w.WriteLine($"{s.Name}{marker}");
            w.WriteLine($"    {s.Description}");
            if (s.Params.Count == 0)
            {
                w.WriteLine("    (no parameters)");
            }

            var nameWidth = s.Params.Count == 0 ? 0 : s.Params.Max(p => p.Name.Length);
            var defWidth = s.Params.Count == 0 ? 0 : s.Params.Max(p => ParamInfo.Format(p.Default).Length);
            var rangeWidth = s.Params.Count == 0 ? 0 : s.Params.Max(p => p.RangeText.Length);
            foreach (var p in s.Params)
            {
                var def = ParamInfo.Format(p.Default);
                var range = p.RangeText.Length == 0 ? "" : "in " + p.RangeText;
                w.WriteLine($"    {p.Name.PadRight(nameWidth)}  {p.TypeName,-7}  default {def.PadRight(defWidth)}  {range.PadRight(rangeWidth + 3)}  {p.Description}");
            }

            if (s.ExploreOverrides.Count > 0)
            {
                w.WriteLine($"    explore uses: {string.Join(";", s.ExploreOverrides.Select(kv => $"{kv.Key}={kv.Value}"))} (unless --param says otherwise)");
            }

            w.WriteLine();
        }
    }
}
