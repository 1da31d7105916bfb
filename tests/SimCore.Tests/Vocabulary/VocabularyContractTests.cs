using System.Reflection;
using SimHarness.Threading;

namespace SimHarness.Tests.Vocabulary;

/// <summary>
/// The threading vocabulary's contract on every backend (one sealed subclass each): the twins of
/// the CPython programs print what CPython prints, and blocking calls take the time they should.
/// </summary>
public abstract class VocabularyContractTests
{
    /// <summary>A short timeout: long enough to tell "timed out" from "returned at once".</summary>
    protected abstract decimal Delay { get; }

    /// <summary>A timeout no test should reach.</summary>
    protected abstract decimal Never { get; }

    /// <summary>How late "at once" and "after the timeout" may be (zero in simulation).</summary>
    protected abstract decimal Slack { get; }

    /// <summary>Runs <paramref name="body"/> as the main thread of one run on this backend.</summary>
    protected abstract RunRecord Run(Func<ISim, Task> body);

    private static IEnumerable<string> Programs() =>
        typeof(VocabularyTwins).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => SnakeCase(m.Name));

    [TestCaseSource(nameof(Programs))]
    public void Twin_PrintsWhatCPythonPrints(string program)
    {
        CPython.RequireAvailable();
        var expected = CPython.Output(program);
        var twin = typeof(VocabularyTwins).GetMethod(PascalCase(program), BindingFlags.Public | BindingFlags.Static)!;

        var sut = RunClean(sim => (Task)twin.Invoke(null, [sim])!);

        Assert.That(sut.Transcript.ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void EveryProgram_HasATwin()
    {
        var programs = Directory.GetFiles(CPython.Directory, "*.py").Select(f => Path.GetFileNameWithoutExtension(f)!);

        Assert.That(programs.Where(p => typeof(VocabularyTwins).GetMethod(PascalCase(p)) is null), Is.Empty);
    }

    [Test]
    public void LockAcquire_WithTimeoutWhileHeld_ReturnsFalseAfterTheTimeout()
    {
        bool? result = null;
        var elapsed = -1m;
        RunClean(async sim =>
        {
            var sut = sim.NewLock();
            await sut.AcquireAsync();
            var t0 = sim.Now;
            result = await sut.AcquireAsync(timeout: Delay);
            elapsed = sim.Now - t0;
        });

        Assert.That(result, Is.False);
        Assert.That(elapsed, Is.InRange(Delay, Delay + Slack));
    }

    [Test]
    public void LockRelease_WithABlockedAcquirer_LetsItAcquireBeforeItsTimeout()
    {
        bool? result = null;
        var elapsed = -1m;
        RunClean(async sim =>
        {
            var sut = sim.NewLock();
            await sut.AcquireAsync();
            var t0 = sim.Now;
            var waiter = await sim.CreateThreadAsync(
                async () =>
                {
                    result = await sut.AcquireAsync(timeout: Never);
                    elapsed = sim.Now - t0;
                },
                "waiter");
            await waiter.StartAsync();
            await sim.SleepAsync(Delay);
            await sut.ReleaseAsync();
            await waiter.JoinAsync();
        });

        Assert.That(result, Is.True);
        Assert.That(elapsed, Is.InRange(Delay, Never / 2));
    }

    [Test]
    public void ConditionWait_WithTimeout_ReturnsFalseAfterTheTimeoutHoldingTheLockAgain()
    {
        bool? result = null;
        bool? stillHeld = null;
        var elapsed = -1m;
        RunClean(async sim =>
        {
            var sut = sim.NewCondition(sim.NewLock());
            await sut.AcquireAsync();
            var t0 = sim.Now;
            result = await sut.WaitAsync(Delay);
            elapsed = sim.Now - t0;
            stillHeld = await ((Threading.Lock)sut.Lock).LockedAsync();
            await sut.ReleaseAsync();
        });

        Assert.That(result, Is.False);
        Assert.That(stillHeld, Is.True);
        Assert.That(elapsed, Is.InRange(Delay, Delay + Slack));
    }

    [Test]
    public void QueueGet_WithTimeoutOnEmptyQueue_RaisesEmptyAfterTheTimeout()
    {
        Exception? raised = null;
        var elapsed = -1m;
        RunClean(async sim =>
        {
            var sut = sim.NewQueue<int>();
            var t0 = sim.Now;
            try
            {
                await sut.GetAsync(timeout: Delay);
            }
            catch (Empty e)
            {
                raised = e;
            }

            elapsed = sim.Now - t0;
        });

        Assert.That(raised, Is.TypeOf<Empty>());
        Assert.That(elapsed, Is.InRange(Delay, Delay + Slack));
    }

    [Test]
    public void BarrierWait_OneTimesOut_BreaksTheBarrierForEveryWaiter()
    {
        var outcomes = new string?[2];
        RunClean(async sim =>
        {
            var sut = sim.NewBarrier(3);
            var threads = new SimThread[2];
            for (var i = 0; i < 2; i++)
            {
                var me = i;
                threads[i] = await sim.CreateThreadAsync(
                    async () =>
                    {
                        try
                        {
                            await sut.WaitAsync(me == 0 ? Delay : Never);
                            outcomes[me] = "passed";
                        }
                        catch (BrokenBarrierError)
                        {
                            outcomes[me] = "broken";
                        }
                    },
                    "party");
            }

            foreach (var t in threads)
            {
                await t.StartAsync();
            }

            foreach (var t in threads)
            {
                await t.JoinAsync();
            }
        });

        Assert.That(outcomes, Is.EqualTo(new List<string> { "broken", "broken" }));
    }

    [Test]
    public void RLockRelease_ByAnotherThread_IsAnUncaughtRuntimeErrorLikeCPythonPrintsIt()
    {
        var record = Run(async sim =>
        {
            var sut = sim.NewRLock();
            await sut.AcquireAsync();
            var other = await sim.CreateThreadAsync(() => sut.ReleaseAsync(), "release");
            await other.StartAsync();
            await other.JoinAsync();
        });

        Assert.That(record.Violations.Select(v => v.Message), Is.EqualTo(new List<string> { "Exception in thread Thread-1 (release): RuntimeError: cannot release un-acquired lock" }));
    }

    [Test]
    public void MainUncaught_UnderExcepthook_PrintsATracebackWithoutThreadHeaderAndTheOthersFinish()
    {
        var record = Run(async sim =>
        {
            sim.UncaughtExceptions = UncaughtExceptions.Excepthook;
            var other = await sim.CreateThreadAsync(() => sim.PrintAsync("other finishes"), "other");
            await other.StartAsync();
            throw new ValueError("main fails");
        });

        Assert.That(record.Violations, Is.Empty);
        Assert.That(record.Completed, Is.True);
        Assert.That(record.Stderr, Is.EqualTo(new List<string> { "Traceback (most recent call last):", "ValueError: main fails" }));
        Assert.That(record.Output.Where(o => !o.IsStderr).Select(o => o.Text), Is.EqualTo(new List<string> { "other finishes" }));
    }

    [Test]
    public void Excepthook_ThatRaises_EndsTheRunWithAViolation()
    {
        var record = Run(async sim =>
        {
            sim.UncaughtExceptions = UncaughtExceptions.Excepthook;
            sim.Excepthook = _ => throw new RuntimeError("hook broke");
            var t = await sim.CreateThreadAsync(() => throw new ValueError("first"), "boom");
            await t.StartAsync();
            await t.JoinAsync();
        });

        Assert.That(record.Violations.Select(v => v.Message), Is.EqualTo(new List<string> { "Exception in threading.excepthook: RuntimeError: hook broke" }));
    }

    [Test]
    public void Excepthook_SetWhileAnotherThreadRuns_IsRefusedAndAcceptedAfterTheJoin()
    {
        var record = Run(async sim =>
        {
            var release = sim.NewEvent();
            var t = await sim.CreateThreadAsync(() => release.WaitAsync(), "waiter");
            await t.StartAsync();
            try
            {
                sim.Excepthook = _ => Task.CompletedTask;
                await sim.PrintAsync("set while running");
            }
            catch (InvalidOperationException e)
            {
                await sim.PrintAsync(e.Message);
            }

            await release.SetAsync();
            await t.JoinAsync();
            sim.Excepthook = _ => Task.CompletedTask;
            await sim.PrintAsync("set after join");
        });

        Assert.That(record.Transcript, Is.EqualTo(new List<string>
        {
            "sim.Excepthook is set without a step while Thread-1 (waiter) may be running: set it from the main thread before starting threads or after joining them",
            "set after join",
        }));
    }

    [Test]
    public void Uncaught_ByDefault_IsStillAViolationThatEndsTheRun()
    {
        var record = Run(async sim =>
        {
            var t = await sim.CreateThreadAsync(() => throw new ValueError("first"), "boom");
            await t.StartAsync();
            await t.JoinAsync();
            await sim.PrintAsync("never");
        });

        Assert.That(record.Violations.Select(v => v.Message), Is.EqualTo(new List<string> { "Exception in thread Thread-1 (boom): ValueError: first" }));
        Assert.That(record.Transcript, Is.Empty);
    }

    private RunRecord RunClean(Func<ISim, Task> body)
    {
        var record = Run(body);
        Assert.That(record.Violations, Is.Empty, "the run should end without violations");
        Assert.That(record.Completed, Is.True, "the run should end by itself");
        return record;
    }

    private static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private static string PascalCase(string snake) =>
        string.Concat(snake.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
