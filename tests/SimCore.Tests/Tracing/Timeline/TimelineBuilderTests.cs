using SimHarness.Tracing.Timeline;
using static SimHarness.Tests.Tracing.Timeline.TraceBuilder;

namespace SimHarness.Tests.Tracing.Timeline;

/// <summary>The timeline model: lanes, wake/message/switch arrows and the violation's marks, on hand-written traces.</summary>
public class TimelineBuilderTests
{
    [Test]
    public void Build_Threads_OneLaneEachInOrderOfFirstStep()
    {
        var trace = Of(
            E("MainThread", "start", "Thread-1 (a)"),
            E("Thread-1 (a)", "print", "output", text: "x"),
            E("", "tick", result: "1", micros: 1_000_000),
            E("Thread-2 (b)", "set", "event#3", micros: 1_000_000),
            E("MainThread", "finish", "MainThread", micros: 1_000_000));

        var sut = TimelineBuilder.Build(trace);

        Assert.That(sut.Lanes.Select(l => l.Name), Is.EqualTo(new List<string> { "MainThread", "Thread-1 (a)", "Thread-2 (b)" }));
        Assert.That(sut.Steps.Select(s => s.Lane), Is.EqualTo(new List<int> { 0, 1, -1, 2, 0 }));
        Assert.That(sut.Steps[2].IsTimeAdvance, Is.True);
    }

    [Test]
    public void Build_ThreadsRunOutOfCreationOrder_LanesStayInCreationOrder()
    {
        var trace = Of(
            E("MainThread", "create", "threads", "Thread-1 (a)"),
            E("MainThread", "create", "threads", "Thread-2 (b)"),
            E("Thread-2 (b)", "print", "output", text: "b first"),
            E("Thread-1 (a)", "print", "output", text: "a second"));

        var sut = TimelineBuilder.Build(trace);

        Assert.That(sut.Lanes.Select(l => l.Name), Is.EqualTo(new List<string> { "MainThread", "Thread-1 (a)", "Thread-2 (b)" }));
    }

    [Test]
    public void Build_Greenlets_GetTheirOwnLanesRightAfterTheirThread()
    {
        var trace = Of(
            E("server", "spawn", "Hub#server#", "Greenlet-0"),
            E("MainThread", "print", "output", text: "a"),
            G("server", "Greenlet-0", "accept", "listener#9", "blocked"),
            G("server", "Hub#server", "wake", "Hub#server#", "signaled"),
            G("server", "Greenlet-1", "recv", "srv#13", "3", "abc"));

        var sut = TimelineBuilder.Build(trace);

        Assert.That(sut.Lanes.Select(l => (l.Thread, l.Greenlet)), Is.EqualTo(new (string, string?)[]
        {
            ("server", null), ("server", "Greenlet-0"), ("server", "Hub#server"), ("server", "Greenlet-1"), ("MainThread", null),
        }));
    }

    [Test]
    public void Build_SetLoggedBeforeItsWake_ArrowFromSetToWake()
    {
        var trace = Of(
            E("Thread-1", "wait", "event#3", "blocked"),
            E("Thread-2", "set", "event#3"),
            E("Thread-1", "wake", "event#3", "signaled"),
            E("Thread-1", "wait", "event#3", "true"));

        var sut = TimelineBuilder.Build(trace);

        Assert.That(sut.Arrows, Is.EqualTo(new[] { new TimelineArrow(1, 2, TimelineArrowKind.Wake) }));
    }

    [Test]
    public void Build_ReleaseLoggedAfterItsWake_ArrowFromReleaseToWake()
    {
        var trace = Of(
            E("Thread-1", "acquire", "lock#3", "true"),
            E("Thread-2", "acquire", "lock#3", "blocked"),
            E("Thread-2", "wake", "lock#3", "signaled"),
            E("Thread-1", "release", "lock#3"),
            E("Thread-2", "acquire", "lock#3", "true"));

        var sut = TimelineBuilder.Build(trace);

        Assert.That(sut.Arrows, Is.EqualTo(new[] { new TimelineArrow(3, 2, TimelineArrowKind.Wake) }));
    }

    [Test]
    public void Build_TwoWaitersWokenBySet_BothLinkedToTheSet()
    {
        var trace = Of(
            E("A", "wait", "event#1", "blocked"),
            E("B", "wait", "event#1", "blocked"),
            E("C", "set", "event#1"),
            E("A", "wake", "event#1", "signaled"),
            E("B", "wake", "event#1", "signaled"));

        var sut = TimelineBuilder.Build(trace);

        Assert.That(sut.Arrows.Select(a => (a.From, a.To)), Is.EqualTo(new[] { (2, 3), (2, 4) }));
    }

    [Test]
    public void Build_TimeoutWake_HasNoArrow()
    {
        var trace = Of(
            E("A", "set", "event#1"),
            E("B", "wait", "event#1", "blocked"),
            E("", "tick", result: "1"),
            E("B", "wake", "event#1", "timeout"));

        var sut = TimelineBuilder.Build(trace);

        Assert.That(sut.Arrows, Is.Empty);
    }

    [Test]
    public void Build_WakeOnConnectionBeforeAnEndsSend_ArrowFromThatSend()
    {
        // A socket waiter waits on its connection (tcp#11) while send names the sending end (srv#13).
        var trace = Of(
            E("client", "recv", "cli#12", "blocked"),
            E("client", "wake", "tcp#11", "signaled"),
            E("server", "send", "srv#13", "2/2", "hi"),
            E("client", "recv", "cli#12", "2", "hi"));

        var sut = TimelineBuilder.Build(trace);

        Assert.That(sut.Arrows, Is.EquivalentTo(new[]
        {
            new TimelineArrow(2, 1, TimelineArrowKind.Wake),
            new TimelineArrow(2, 3, TimelineArrowKind.Message),
        }));
    }

    [Test]
    public void Build_SendReceivedInPieces_EachRecvLinksToThatSend()
    {
        var trace = Of(
            E("client", "send", "cli#1", "5/5", "hello"),
            E("server", "recv", "srv#2", "2", "he"),
            E("server", "recv", "srv#2", "3", "llo"));

        var sut = TimelineBuilder.Build(trace);

        Assert.That(sut.Arrows.Select(a => (a.From, a.To, a.Kind)), Is.EqualTo(new[]
        {
            (0, 1, TimelineArrowKind.Message), (0, 2, TimelineArrowKind.Message),
        }));
    }

    [Test]
    public void Build_TwoSendsCoalescedInOneRecv_RecvLinksToBoth()
    {
        var trace = Of(
            E("client", "send", "cli#1", "2/2", "ab"),
            E("client", "send", "cli#1", "2/2", "cd"),
            E("server", "recv", "srv#2", "3", "abc"),
            E("server", "recv", "srv#2", "1", "d"));

        var sut = TimelineBuilder.Build(trace);

        Assert.That(sut.Arrows.Select(a => (a.From, a.To)), Is.EqualTo(new[] { (0, 2), (1, 2), (1, 3) }));
    }

    [Test]
    public void Build_TwoConnections_EachRecvPairedWithTheEndThatSentItsBytes()
    {
        var trace = Of(
            E("c1", "send", "cli#1", "3/3", "one"),
            E("c2", "send", "cli#3", "3/3", "two"),
            E("s", "recv", "srv#4", "3", "two"),
            E("s", "recv", "srv#2", "3", "one"),
            E("s", "send", "srv#2", "3/3", "ONE"),
            E("c1", "recv", "cli#1", "3", "ONE"));

        var sut = TimelineBuilder.Build(trace);

        Assert.That(sut.Arrows.Select(a => (a.From, a.To)), Is.EqualTo(new[] { (1, 2), (0, 3), (4, 5) }));
    }

    [Test]
    public void Build_DiscardedSend_ReachesNobody()
    {
        var trace = Of(
            E("c", "send", "cli#1", "2/2 discarded", "ab"),
            E("s", "recv", "srv#2", "2", "ab"));

        var sut = TimelineBuilder.Build(trace);

        Assert.That(sut.Arrows, Is.Empty);
    }

    [Test]
    public void Build_EndOfStream_LinksToThePeersClose()
    {
        var trace = Of(
            E("c", "send", "cli#1", "1/1", "x"),
            E("s", "recv", "srv#2", "1", "x"),
            E("c", "close", "cli#1"),
            E("s", "recv", "srv#2", "0", ""));

        var sut = TimelineBuilder.Build(trace);

        Assert.That(sut.Arrows.Select(a => (a.From, a.To)), Is.EqualTo(new[] { (0, 1), (2, 3) }));
    }

    [Test]
    public void Build_ConsecutiveStepsOfAThreadInTwoGreenlets_SwitchArrow()
    {
        var trace = Of(
            E("MainThread", "switch", "eat#", "MainThread#"),
            E("Other", "print", "output", text: "meanwhile"),
            G("MainThread", "eat", "print", "output", text: "eat"),
            G("MainThread", "eat", "switch", "play#", "eat"),
            G("MainThread", "play", "print", "output", text: "play"));

        var sut = TimelineBuilder.Build(trace);

        Assert.That(sut.Arrows, Is.EqualTo(new[]
        {
            new TimelineArrow(0, 2, TimelineArrowKind.Switch),
            new TimelineArrow(3, 4, TimelineArrowKind.Switch),
        }));
    }

    [Test]
    public void Build_Deadlock_MarksLastStepAndTheNamedWaiterBlockedForever()
    {
        var trace = Of(
            new Violation("deadlock", "deadlock: no thread can run and no timer is armed; Thread-2 (w) waits on wait event#1"),
            E("Thread-2 (w)", "wait", "event#1", "blocked"),
            E("Thread-1 (s)", "clear", "event#1"),
            E("Thread-1 (s)", "finish", "Thread-1 (s)"));

        var sut = TimelineBuilder.Build(trace);

        Assert.That(sut.ViolationStep, Is.EqualTo(2));
        Assert.That(sut.ImplicatedSteps, Is.EquivalentTo(new List<int> { 0 }));
        Assert.That(sut.BlockedAtEnd, Is.EquivalentTo(new List<int> { 0 }));
    }

    [Test]
    public void Build_ViolationAfterATimeAdvance_MarksTheLastStepNotTheTick()
    {
        var trace = Of(new Violation("x", "m"), E("A", "print", "output", text: "a"), E("", "tick", result: "1"));

        var sut = TimelineBuilder.Build(trace);

        Assert.That(sut.ViolationStep, Is.Zero);
    }

    [Test]
    public void Build_NoViolation_NothingMarked()
    {
        var sut = TimelineBuilder.Build(Of(E("A", "wait", "event#1", "blocked")));

        Assert.That(sut.ViolationStep, Is.Null);
        Assert.That(sut.ImplicatedSteps, Is.Empty);
        Assert.That(sut.BlockedAtEnd, Is.EquivalentTo(new List<int> { 0 }));
    }
}
