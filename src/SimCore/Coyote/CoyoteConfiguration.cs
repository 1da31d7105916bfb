using Microsoft.Coyote;

namespace SimHarness.Coyote;

/// <summary>Builds Coyote's <see cref="Configuration"/> for a harness strategy name.</summary>
internal static class CoyoteConfiguration
{
    /// <summary>Iterations when the options give none (the same default as the built-in sampling strategies).</summary>
    public const long DefaultIterations = 10_000;

    /// <summary>
    /// Coyote scheduling decisions allowed per world step. A step is a controlled yield, its
    /// continuation, and the task completions of the threads it wakes or starts; four is generous,
    /// so the world's own step bound, not Coyote's, is what cuts a runaway run.
    /// </summary>
    private const long DecisionsPerStep = 4;

    /// <summary>Common settings: no telemetry, quiet logging, a step bound above the world's own.</summary>
    public static Configuration Base(long maxWorldSteps)
    {
        var bound = (uint)Math.Clamp(maxWorldSteps * DecisionsPerStep + 1_000, 1_000, uint.MaxValue);
        return Configuration.Create()
            .WithTelemetryEnabled(false)
            .WithVerbosityEnabled(Microsoft.Coyote.Logging.VerbosityLevel.None)
            .WithMaxSchedulingSteps(bound, bound);
    }

    /// <summary>The configuration of an exploration with <paramref name="strategy"/> (a <c>coyote*</c> name).</summary>
    public static Configuration ForStrategy(string strategy, uint iterations, int seed, long maxWorldSteps, bool runToCompletion)
    {
        var c = Base(maxWorldSteps)
            .WithTestingIterations(iterations)
            .WithRandomGeneratorSeed(unchecked((uint)seed))
            .WithTestIterationsRunToCompletion(runToCompletion);

        // Bounds as the coyote CLI's defaults, so `coyote test -s prioritization` explores the same way.
        return strategy switch
        {
            "coyote" => c, // Coyote's default: its fair portfolio of strategies
            "coyote-random" => c.WithRandomStrategy(),
            "coyote-prioritization" => c.WithPrioritizationStrategy(isFair: false, priorityChangeBound: 10),
            "coyote-probabilistic" => c.WithProbabilisticStrategy(probabilityLevel: 3),
            "coyote-delay-bounding" => c.WithDelayBoundingStrategy(isFair: false, delayBound: 10),
            "coyote-q-learning" => c.WithQLearningStrategy(),
            _ => throw new UsageException($"unknown Coyote strategy '{strategy}' (known: coyote, coyote-random, coyote-prioritization, coyote-probabilistic, coyote-delay-bounding, coyote-q-learning)"),
        };
    }

    /// <summary>Makes an engine that writes nothing to the console (the CLI draws its own progress).</summary>
    public static Microsoft.Coyote.SystematicTesting.TestingEngine CreateEngine(Configuration configuration, Func<Task> test)
    {
        var engine = Microsoft.Coyote.SystematicTesting.TestingEngine.Create(configuration, test);
        engine.SetLogger(new Microsoft.Coyote.Logging.TextWriterLogger(TextWriter.Null, Microsoft.Coyote.Logging.VerbosityLevel.None));
        return engine;
    }
}
