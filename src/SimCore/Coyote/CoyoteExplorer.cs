using Microsoft.Coyote.SystematicTesting;
using SimHarness.Catalog;
using SimHarness.Exploration;
using SimHarness.Simulation;

namespace SimHarness.Coyote;

/// <summary>Explores scenarios with Coyote's <c>TestingEngine</c> in-process and replays Coyote traces.</summary>
/// <remarks>
/// Coyote samples schedules, so a report is never complete. Each distinct violation's first run
/// is written as a harness JSON trace (engine <c>coyote</c>, the run's event log and output, no
/// decision list) with Coyote's reproducible <c>.trace</c> beside it, which <see cref="Replay"/>
/// and <c>coyote replay</c> re-run. One exploration or replay runs at a time in a process.
/// </remarks>
public static class CoyoteExplorer
{
    /// <summary>Explores with one of Coyote's strategies (<c>coyote</c> is its portfolio).</summary>
    public static ExplorationReport Explore(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, ExplorationOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        RequireRewritten(scenario, options.Strategy);
        return new CoyoteExploration(scenario, values, options).Run();
    }

    /// <summary>Replays a Coyote-found trace (its Coyote <c>.trace</c> beside it) and returns the run.</summary>
    /// <param name="scenario">The scenario the trace was recorded on.</param>
    /// <param name="values">The parameters it was recorded at (resolved).</param>
    /// <param name="coyoteTraceFile">Path of Coyote's reproducible <c>.trace</c> file.</param>
    public static RunRecord Replay(ScenarioInfo scenario, IReadOnlyDictionary<string, object> values, string coyoteTraceFile)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        RequireRewritten(scenario, "a Coyote replay");
        var text = CoyoteTraceCheck.Read(coyoteTraceFile);
        var maxSteps = scenario.Create(values).MaxSteps;
        World? world = null;
        RunRecord? record = null;
        using (CoyoteEntry.Observe(w => world = w, r => record = r))
        {
            var configuration = CoyoteTraceCheck.Configure(CoyoteConfiguration.Base(maxSteps), text, coyoteTraceFile);
            try
            {
                using var engine = CoyoteConfiguration.CreateEngine(configuration, () => CoyoteEntry.RunAsync(scenario, values, maxSteps, CancellationToken.None));
                engine.Run();
            }
            catch (Exception ex) when (ex is not (OutOfMemoryException or UsageException))
            {
                // Coyote refuses a trace that does not parse or does not fit this program.
                throw new UsageException($"Coyote could not replay {coyoteTraceFile}: {ex.Message.Split('\n')[0].Trim()}");
            }
        }

        // A replay that diverged may stop before the run ends: return what the world recorded, so
        // the caller can name the first event that differs.
        return record ?? world?.ToRecord()
            ?? throw new UsageException($"Coyote could not replay {coyoteTraceFile}: the run never started");
    }

    /// <summary>
    /// Refuses a scenario whose assembly Coyote has not rewritten: its awaits would escape Coyote's
    /// control, and every run would end in a false "deadlock" or "uncontrolled concurrency".
    /// </summary>
    private static void RequireRewritten(ScenarioInfo scenario, string what)
    {
        if (!Catalog.AssemblyCopies.CoreIsRewritten)
        {
            // The simharness command runs `explore` on the copies as compiled unless a Coyote strategy
            // is named on its command line (README, "Coyote"): reaching here means that rule missed one.
            throw new UsageException($"this process runs SimCore as compiled, not rewritten for Coyote, which {what} needs: run the command again with {Catalog.AssemblyCopies.ForceRewrittenVariable}=1");
        }

        var assembly = scenario.Type.Assembly;
        if (!Catalog.AssemblyCopies.IsRewritten(assembly))
        {
            throw new UsageException($"{Path.GetFileName(assembly.Location)} is not rewritten for Coyote, which {what} needs: build it with <CoyoteRewrite>true</CoyoteRewrite> or run `dotnet tool run coyote rewrite {assembly.Location}`");
        }
    }
}
