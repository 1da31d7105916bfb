using System.Text.Json.Nodes;
using SimHarness.Tests.Cli;

namespace SimHarness.Tests.Hostile;

/// <summary>A scratch directory with valid inputs of every kind (trace, Coyote trace, census, two shard reports) to corrupt.</summary>
internal sealed class HostileFiles : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("simharness-hostile-");

    public HostileFiles()
    {
        foreach (var name in new[] { "ZooLostUpdate.exhaustive.json", "EventCheckConnectLostWakeup.coyote.json", "EventCheckConnectLostWakeup.coyote.trace", "ZooLostUpdate.census.json" })
        {
            File.Copy(Path.Combine(RepoPaths.Traces, name), In(name));
        }

        for (var i = 1; i <= 2; i++)
        {
            var run = CliInvocation.Of("explore", "ZooLostUpdate", "--shard", $"{i}/2", "--json", In($"shard{i}.json"), "--traces", In("shard-traces"));
            Assert.That(run.ExitCode, Is.Not.EqualTo(1), run.Error);
        }
    }

    public string Dir => _dir.FullName;

    public string Trace => In("ZooLostUpdate.exhaustive.json");

    public string CoyoteJson => In("EventCheckConnectLostWakeup.coyote.json");

    public string CoyoteTrace => In("EventCheckConnectLostWakeup.coyote.trace");

    public string Census => In("ZooLostUpdate.census.json");

    public string Shard1 => In("shard1.json");

    public string Shard2 => In("shard2.json");

    public string In(string name) => Path.Combine(_dir.FullName, name);

    /// <summary>Writes <paramref name="source"/> edited by <paramref name="edit"/> to a new file <paramref name="name"/> and returns its path.</summary>
    public string Edited(string source, string name, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(File.ReadAllText(source))!;
        edit(node);
        var path = In(name);
        File.WriteAllText(path, node.ToJsonString());
        return path;
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
