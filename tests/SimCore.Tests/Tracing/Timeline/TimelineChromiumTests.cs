using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SimHarness.Tests.Cli;

namespace SimHarness.Tests.Tracing.Timeline;

/// <summary>The page written by <c>timeline</c>, rendered by a real browser: one visible lane per thread, the violating step marked.</summary>
[Category("Real")]
[Category("Browser")]
public partial class TimelineChromiumTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Test]
    public async Task Chromium_LostWakeupTimeline_ShowsOneLanePerThreadAndMarksTheViolatingStep()
    {
        var chromium = HeadlessChromium.Find();
        if (chromium is null)
        {
            Assert.Ignore("chromium is not installed: .ci/run installs Debian's chromium package when it is missing");
        }

        var trace = Path.Combine(RepoPaths.Traces, "EventCheckConnectLostWakeup.exhaustive.json");
        var events = JsonNode.Parse(await File.ReadAllTextAsync(trace))!["events"]!.AsArray();
        var threads = events.Select(e => (string)e!["thread"]!).Where(t => t.Length > 0).Distinct().Count();
        var lastStep = events.Count - 1;
        var dir = Directory.CreateTempSubdirectory("simharness-timeline-");
        try
        {
            var html = Path.Combine(dir.FullName, "lost-wakeup.html");
            var written = CliInvocation.Of("timeline", trace, "-o", html);
            Assert.That(written.ExitCode, Is.Zero, written.Error);

            var dom = await HeadlessChromium.DumpDomAsync(chromium, html, Timeout);

            Assert.Multiple(() =>
            {
                Assert.That(LaneHeader().Matches(dom), Has.Count.EqualTo(threads), "lane headers in the DOM");
                Assert.That(Attribute(dom, "data-visible-lanes"), Is.EqualTo(threads.ToString(System.Globalization.CultureInfo.InvariantCulture)), "lanes laid out with a size (the page's script ran)");
                Assert.That(Regex.Matches(dom, $"data-step=\"{lastStep}\"[^>]*data-violation=\"deadlock\""), Has.Count.EqualTo(1), "the violating step is marked");
                Assert.That(Attribute(dom, "data-visible-violations"), Is.EqualTo("1"), "the mark is laid out with a size");
            });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string? Attribute(string dom, string name) =>
        Regex.Match(dom, $"<body[^>]*\\s{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<div class=\"lane [a-z]+\" data-lane=\"\\d+\"")]
    private static partial Regex LaneHeader();
}
