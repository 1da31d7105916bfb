using System.Text.RegularExpressions;
using SimHarness.Tracing.Timeline;
using static SimHarness.Tests.Tracing.Timeline.TraceBuilder;

namespace SimHarness.Tests.Tracing.Timeline;

/// <summary>The page: self-contained, escaped, one header per lane, the violating step marked.</summary>
public partial class TimelineHtmlTests
{
    private static readonly SimHarness.Tracing.Trace Sample = Of(
        new Violation("deadlock", "deadlock: Thread-2 <w> waits on wait event#1 & more"),
        E("MainThread", "start", "Thread-1 <s>"),
        E("Thread-2 <w>", "wait", "event#1", "blocked"),
        E("Thread-1 <s>", "print", "output", text: "<script>alert('x')</script> \"q\" 中文"),
        E("Thread-1 <s>", "send", "cli#1", "2/2", "a\n"),
        G("Thread-1 <s>", "Greenlet-0", "finish", "Thread-1 <s>"));

    private static string Render(SimHarness.Tracing.Trace trace) => TimelineHtml.Render(TimelineBuilder.Build(trace));

    [Test]
    public void Render_OneLaneHeaderPerLane()
    {
        var sut = Render(Sample);

        Assert.That(LaneHeader().Matches(sut), Has.Count.EqualTo(4));
    }

    [Test]
    public void Render_ViolatingStep_MarkedWithItsInvariant()
    {
        var sut = Render(Sample);

        Assert.That(Regex.Matches(sut, "data-step=\"4\"[^>]*data-violation=\"deadlock\""), Has.Count.EqualTo(1));
        Assert.That(Regex.Matches(sut, "data-violation=\""), Has.Count.EqualTo(1));
        Assert.That(sut, Does.Contain("waits on wait event#1 &amp; more"));
    }

    [Test]
    public void Render_UserText_IsEscapedEverywhere()
    {
        var sut = Render(Sample);

        Assert.That(sut, Does.Not.Contain("<script>alert"));
        Assert.That(sut, Does.Not.Contain("Thread-1 <s>"));
        Assert.That(sut, Does.Contain("&lt;script&gt;alert(&#39;x&#39;)"));
        Assert.That(sut, Does.Contain("data-thread=\"Thread-1 &lt;s&gt;\""));
        Assert.That(sut, Does.Contain("中文"));
    }

    [Test]
    public void Render_ControlBytes_ShownEscaped()
    {
        var sut = Render(Sample);

        Assert.That(sut, Does.Contain("a\\n"));
    }

    [Test]
    public void Render_Switch_NamesWhereControlGoesNotWhoSwitched()
    {
        var sut = Render(Of(G("MainThread", "eat", "switch", "play#", "eat")));

        Assert.That(sut, Does.Contain(">switch → play#</text>"));
    }

    [Test]
    public void Render_SelfContained_NoExternalReference()
    {
        var sut = Render(Sample);

        Assert.That(sut, Does.Not.Contain("http:").And.Not.Contain("https:").And.Not.Contain(" src=").And.Not.Contain("<link"));
        Assert.That(sut, Does.StartWith("<!DOCTYPE html>"));
    }

    [Test]
    public void Render_SameTrace_SameBytes()
    {
        var first = Render(Sample);

        var sut = Render(Sample);

        Assert.That(sut, Is.EqualTo(first));
    }

    [Test]
    public void Render_NoViolation_NoMarkAndSaysSo()
    {
        var sut = Render(Of(E("MainThread", "print", "output", text: "hi")));

        Assert.That(sut, Does.Not.Contain("data-violation="));
        Assert.That(sut, Does.Contain("no violation"));
    }

    [Test]
    public void Render_NoEvents_StillAPageWithNoLanes()
    {
        var sut = Render(Of(new Violation("step-bound", "m")));

        Assert.That(sut, Does.Contain("data-lanes=\"0\"").And.EndWith("</html>\n"));
        Assert.That(LaneHeader().Matches(sut), Is.Empty);
    }

    [GeneratedRegex("<div class=\"lane [a-z]+\" data-lane=\"\\d+\"")]
    private static partial Regex LaneHeader();
}
