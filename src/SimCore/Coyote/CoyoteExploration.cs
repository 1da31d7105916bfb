using Microsoft.Coyote.SystematicTesting;
using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Simulation;

namespace SimHarness.Coyote;

/// <summary>One exploration of one scenario by Coyote's <see cref="TestingEngine"/>, in-process.</summary>
/// <remarks>
/// The engine runs iterations and calls back at the start and end of each. An iteration is
/// accounted for only at the start of the next one (or after the last): Coyote updates its bug
/// count and its reproducible trace after the end-of-iteration callbacks. Stopping early
/// (time limit, Ctrl-C, stop-on-first) throws <see cref="TaskCanceledException"/> from the
/// start callback, which the engine treats as a normal end of testing; <c>TestingEngine.Stop</c>
/// would instead return from <c>Run</c> while the current iteration still runs. A time limit or
/// Ctrl-C also abandons the iteration under way at its next step (<see cref="CoyoteRuntime.BeforeStep"/>),
/// and that run is not counted, as the built-in explorer drops the run it abandons.
/// </remarks>
internal sealed class CoyoteExploration
{
    private readonly ScenarioInfo _scenario;
    private readonly IReadOnlyDictionary<string, object> _values;
    private readonly ExplorationOptions _options;
    private readonly ExplorationReport _report;
    private readonly OutcomeCollector _collector;
    private readonly WallTimer _clock = new();
    private readonly HashSet<string> _bugReportsSeen = new(StringComparer.Ordinal);
    private TestingEngine? _engine;
    private long _iterations;
    private World? _world;
    private RunRecord? _record;
    private bool _pending;
    private int _bugsSeen;

    public CoyoteExploration(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, ExplorationOptions options)
    {
        _scenario = scenario;
        _values = values;
        _options = options;
        _report = new ExplorationReport
        {
            Scenario = scenario.Name,
            Params = values,
            Strategy = options.Strategy,
            ExpectedViolation = scenario.ExpectedViolation,
        };
        _collector = new OutcomeCollector(_report, options);
    }

    public ExplorationReport Run()
    {
        _iterations = Math.Clamp(_options.Iterations ?? CoyoteConfiguration.DefaultIterations, 0, uint.MaxValue);
        var iterations = (uint)_iterations;
        var maxSteps = _options.MaxSteps ?? _scenario.Create(_values).MaxSteps;
        if (iterations > 0)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(_options.Cancellation);
            if (_options.TimeLimit is { } limit)
            {
                // The limit also stops the iteration under way, at its next step, not only between iterations.
                stop.CancelAfter(limit);
            }

            var token = stop.Token;
            var configuration = CoyoteConfiguration.ForStrategy(_options.Strategy, iterations, _options.Seed, maxSteps, runToCompletion: !_options.StopOnFirst);
            using var observer = CoyoteEntry.Observe(w => _world = w, r => _record = r);
            using var engine = CoyoteConfiguration.CreateEngine(configuration, () => CoyoteEntry.RunAsync(_scenario, _values, maxSteps, token));
            _engine = engine;
            engine.RegisterStartIterationCallBack(OnIterationStart);
            engine.RegisterEndIterationCallBack(_ => _pending = true);
            engine.Run();
            FinishIteration();
        }

        Progress();
        _report.Complete = false;
        _report.ElapsedMs = _clock.ElapsedMilliseconds;
        return _report;
    }

    private void OnIterationStart(uint iteration)
    {
        FinishIteration();
        if (_options.Cancellation.IsCancellationRequested ||
            (_options.TimeLimit is { } limit && _clock.Elapsed >= limit) ||
            (_options.StopOnFirst && _collector.ViolatingRuns > 0))
        {
            throw new TaskCanceledException("exploration stopped early");
        }

        _world = null;
        _record = null;
    }

    /// <summary>Accounts for the iteration that just ended, now that Coyote has updated its report.</summary>
    private void FinishIteration()
    {
        if (!_pending)
        {
            return;
        }

        _pending = false;
        if (_world is { Abandoned: true })
        {
            // Cut by a time limit or Ctrl-C: neither an outcome nor a violation, and not counted.
            return;
        }

        _report.Schedules++;
        var engine = _engine!;
        var bugFlagged = engine.TestReport.NumOfFoundBugs > _bugsSeen;
        _bugsSeen = engine.TestReport.NumOfFoundBugs;
        var freshReport = engine.TestReport.BugReports.Where(b => !_bugReportsSeen.Contains(b)).Order(StringComparer.Ordinal).FirstOrDefault();
        _bugReportsSeen.UnionWith(engine.TestReport.BugReports);
        var record = _record ?? RecordOfCutRun(bugFlagged, freshReport);
        if (record is not null)
        {
            // Coyote rewrites its reproducible trace after every iteration once any bug was found,
            // so here it is this iteration's own trace exactly when this iteration was flagged.
            var coyoteTrace = bugFlagged ? engine.ReproducibleTrace : null;
            _collector.Add(record, kind => kind == "violation" ? WriteTraces(record, coyoteTrace) : null);
        }

        if (_report.Schedules % 64 == 0)
        {
            Progress();
        }
    }

    /// <summary>
    /// A run that never reported its record: Coyote stopped it by itself (its own bug checks, or its
    /// step bound). It is reported as a violation with what the world had recorded so far.
    /// </summary>
    private RunRecord? RecordOfCutRun(bool bugFlagged, string? bugReport)
    {
        if (_world is null)
        {
            return null;
        }

        var violation = bugFlagged
            ? new Violation("coyote", bugReport ?? "Coyote reported a bug it found by itself")
            : new Violation("step-bound", "Coyote stopped the run before it ended (its scheduling-step bound)");
        var partial = _world.ToRecord();
        return partial.WithViolations([.. partial.Violations, violation]);
    }

    private string? WriteTraces(RunRecord record, string? coyoteTrace) =>
        _options.TracesDirectory is { } directory
            ? CoyoteTraceFiles.Write(directory, _scenario, _values, _options.Strategy, _options.Seed, record, coyoteTrace)
            : null;

    private void Progress() =>
        _options.Progress?.Report(new ExplorationProgress(_report.Schedules, _report.DistinctOutputs, _collector.ViolatingRuns, _iterations));
}
