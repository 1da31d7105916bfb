using System.Text.Json.Nodes;

namespace SimHarness.Tests.Cli;

/// <summary>A trace that no longer matches shows both event logs side by side around the first divergence.</summary>
public class CliReplayDiffTests
{
    private DirectoryInfo _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("simharness-replay-diff-");

    [TearDown]
    public void Cleanup() => _dir.Delete(recursive: true);

    /// <summary>The curated lost-wakeup trace with the text of event <paramref name="index"/> edited.</summary>
    private string EditedTrace(int index)
    {
        var o = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Traces, "EventCheckConnectLostWakeup.exhaustive.json")))!.AsObject();
        var e = o["events"]![index]!.AsObject();
        Assert.That(e["text"], Is.Not.Null, "the edited event prints a line");
        e["text"] = "a line the code no longer prints";
        var path = Path.Combine(_dir.FullName, "edited.json");
        File.WriteAllText(path, o.ToJsonString());
        return path;
    }

    private static int FirstPrint() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Traces, "EventCheckConnectLostWakeup.exhaustive.json")))!["events"]!.AsArray()
            .Select((e, i) => (e, i)).Skip(6).First(x => x.e!["text"] is not null).i;

    [Test]
    public void Replay_EditedEvent_ShowsBothLogsWithTheDivergingRowMarked()
    {
        var at = FirstPrint();

        var sut = CliInvocation.Of("replay", EditedTrace(at));
        var lines = sut.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var marked = lines.Where(l => l.StartsWith(">>", StringComparison.Ordinal)).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.ErrorLines, Has.Length.EqualTo(1), "still one line on stderr");
            Assert.That(lines[0], Is.EqualTo($"first divergence at event {at}: the run took another step than the recording"));
            Assert.That(lines[1], Does.Contain("recorded").And.Contain("| replayed"));
            Assert.That(marked, Has.Length.EqualTo(1));
            Assert.That(marked[0], Does.StartWith($">> {at} ").Or.StartWith($">>  {at} "));
            Assert.That(marked[0], Does.Match("\"a line the code no longer prints\" +\\| .*等待连接"));
            Assert.That(lines.Length - 2, Is.EqualTo(9), "four events either side of the diverging one");
        });
    }

    [Test]
    public void Replay_EditedEventWithJson_WritesTheDivergence()
    {
        var at = FirstPrint();

        var sut = CliInvocation.Of("replay", EditedTrace(at), "--json");
        var o = JsonNode.Parse(sut.Out)!;
        var rows = o["divergence"]!["events"]!.AsArray();
        var diverging = rows.Single(r => (bool)r!["diverges"]!)!;

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That((bool)o["matches"]!, Is.False);
            Assert.That((int)o["divergence"]!["index"]!, Is.EqualTo(at));
            Assert.That((int)diverging["i"]!, Is.EqualTo(at));
            Assert.That((string)diverging["recorded"]!["text"]!, Is.EqualTo("a line the code no longer prints"));
            Assert.That((string)diverging["replayed"]!["text"]!, Does.Contain("等待连接"));
        });
    }

    [Test]
    public void Replay_EditedEventOnTerminal_DrawsATable()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = SimHarness.Cli.Cli.Run(["replay", EditedTrace(FirstPrint())], stdout, stderr, interactive: true);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stdout.ToString(), Does.Contain("recorded").And.Contain("replayed").And.Contain("╭"));
            Assert.That(stdout.ToString(), Does.Contain("longer prints"), "the edited event (wrapped in its cell)");
        });
    }
}
