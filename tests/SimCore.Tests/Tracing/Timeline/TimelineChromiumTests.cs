using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SimHarness.Tests.Cli;

namespace SimHarness.Tests.Tracing.Timeline;

/// <summary>The page written by <c>timeline</c>, rendered by a real browser: one visible lane per thread (and greenlet), the violating step marked.</summary>
[Category("Real")]
[Category("Browser")]
public partial class TimelineChromiumTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private DirectoryInfo _dir = null!;
    private string _chromium = null!;

    [SetUp]
    public void FindBrowser()
    {
        if (HeadlessChromium.Find() is not { } chromium)
        {
            Assert.Ignore("chromium is not installed: .ci/run installs Debian's chromium package when it is missing");
            return;
        }

        _chromium = chromium;

        _dir = Directory.CreateTempSubdirectory("simharness-timeline-");
    }

    [TearDown]
    public void Cleanup() => _dir?.Delete(recursive: true);

    [Test]
    public async Task Chromium_LostWakeupTimeline_ShowsOneLanePerThreadAndMarksTheViolatingStep()
    {
        var trace = Path.Combine(RepoPaths.Traces, "EventCheckConnectLostWakeup.exhaustive.json");
        var expected = await Expect(trace);

        var dom = await RenderAsync(trace);

        Assert.That(expected.Lanes, Is.EqualTo(expected.Threads), "a thread trace: one lane per thread");
        AssertShown(dom, expected, "deadlock");
    }

    [Test]
    public async Task Chromium_EchoServerOnAHub_ShowsALanePerGreenletAndMessageArrows()
    {
        // A fresh recording: its events name the hub's greenlets, so the server's thread splits into lanes.
        var explore = CliInvocation.Of("explore", "EchoUpper", "-p", "clients=1", "-p", "messages=2", "-p", "bufferSize=32", "-p", "segments=1",
            "--stop-on-first", "--traces", _dir.FullName);
        Assert.That(explore.ExitCode, Is.Zero, explore.Error + explore.Out);
        var trace = Directory.EnumerateFiles(_dir.FullName, "*violation*.json").Single();
        var expected = await Expect(trace);

        var dom = await RenderAsync(trace);

        Assert.That(expected.Lanes, Is.GreaterThan(expected.Threads), "the server's greenlets get lanes of their own");
        AssertShown(dom, expected, "whole-replies");
        Assert.That(Regex.Matches(dom, "data-arrow=\"message\""), Is.Not.Empty, "send → recv arrows");
        Assert.That(Regex.Matches(dom, "data-arrow=\"switch\""), Is.Not.Empty, "greenlet switch arrows");
    }

    /// <summary>Lanes, threads and the last step, counted straight from the trace's JSON (not through the timeline model).</summary>
    private static async Task<(int Threads, int Lanes, int LastStep)> Expect(string trace)
    {
        var events = JsonNode.Parse(await File.ReadAllTextAsync(trace))!["events"]!.AsArray()
            .Select((e, i) => (Thread: (string)e!["thread"]!, Greenlet: (string?)e["greenlet"], Index: i))
            .Where(e => e.Thread.Length > 0).ToArray();
        return (events.Select(e => e.Thread).Distinct().Count(), events.Select(e => (e.Thread, e.Greenlet)).Distinct().Count(), events[^1].Index);
    }

    private async Task<string> RenderAsync(string trace)
    {
        var html = Path.Combine(_dir.FullName, Path.GetFileNameWithoutExtension(trace) + ".html");
        var written = CliInvocation.Of("timeline", trace, "-o", html);
        Assert.That(written.ExitCode, Is.Zero, written.Error);
        return await HeadlessChromium.DumpDomAsync(_chromium, html, Timeout);
    }

    private static void AssertShown(string dom, (int Threads, int Lanes, int LastStep) expected, string invariant)
    {
        Assert.Multiple(() =>
        {
            Assert.That(LaneHeader().Matches(dom), Has.Count.EqualTo(expected.Lanes), "lane headers in the DOM");
            Assert.That(Attribute(dom, "data-visible-lanes"), Is.EqualTo(expected.Lanes.ToString(CultureInfo.InvariantCulture)), "lanes laid out with a size (the page's script ran)");
            Assert.That(Regex.Matches(dom, $"data-step=\"{expected.LastStep}\"[^>]*data-violation=\"{invariant}\""), Has.Count.EqualTo(1), "the violating step is marked");
            Assert.That(Attribute(dom, "data-visible-violations"), Is.EqualTo("1"), "the mark is laid out with a size");
        });
    }

    private static string? Attribute(string dom, string name) =>
        Regex.Match(dom, $"<body[^>]*\\s{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<div class=\"lane [a-z]+\" data-lane=\"\\d+\"")]
    private static partial Regex LaneHeader();
}
