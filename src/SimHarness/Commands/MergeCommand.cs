using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SimHarness.Catalog;
using SimHarness.Cli.Merging;
using SimHarness.Cli.Output;

namespace SimHarness.Cli.Commands;

/// <summary><c>merge</c>: combines the reports of every shard of a sharded search into the whole search's report.</summary>
internal static class MergeCommand
{
    public static Command Create(CliContext ctx)
    {
        var files = new Argument<string[]>("file") { Description = "the explore --shard i/n --json reports of every shard", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output", "-o") { Description = "write the merged report to FILE (default: standard output)", HelpName = "FILE" };
        var cmd = new Command("merge", "combine the explore --json reports of the shards of one search (explore --shard i/n) into the whole report")
        {
            files, output,
        };
        cmd.SetAction(p =>
        {
            var inputs = p.GetValue(files)!.Select(f => (f, Load(f))).ToList();
            var merged = ShardMerger.Merge(inputs);
            var text = JsonShapes.Text(new JsonArray(merged.Select(m => (JsonNode?)m.Report).ToArray())) + "\n";
            if (p.GetValue(output) is { } path)
            {
                Inputs.NotAnInput(path, "--output", p.GetValue(files)!);
                Inputs.OutputFile(path, "--output");
                var dir = Path.GetDirectoryName(Path.GetFullPath(path));
                if (dir is not null)
                {
                    Directory.CreateDirectory(dir);
                }

                File.WriteAllText(path, text);
                foreach (var (r, ok) in merged)
                {
                    ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{r["scenario"]}: schedules={r["schedules"]} complete={r["complete"]!.ToJsonString()} distinctOutputs={r["distinctOutputs"]} violations={((JsonArray)r["violations"]!).Count} expected={(ok ? "yes" : "NO")}"));
                }
            }
            else
            {
                ctx.Out.Write(text);
            }

            return merged.All(m => m.AsExpected) ? ExitCodes.Ok : ExitCodes.Violation;
        });
        return cmd;
    }

    private static JsonNode? Load(string path) => Input.InputFile.ReadJson(path, "report", $"{path}: no such file");
}
