using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using SimHarness.Tests.Cli;

namespace SimHarness.Tests.Hostile;

/// <summary>
/// Issue 15's fuzz test: random corruptions of valid traces, Coyote traces, census files and shard
/// reports, fed in-process to every verb that reads them. Every case must end with exit 0, 1 or 2,
/// at most one line on stderr, and no exception escaping (no "internal error" either: that is the
/// CLI's last-resort catch of an exception nobody expected).
/// </summary>
public class CliFuzzTests
{
    private const int Cases = 100;
    private static HostileFiles s_files = null!;
    private int _count;
    private string _failure = "";
    private readonly int[] _exits = new int[3];

    [OneTimeSetUp]
    public static void MakeFiles() => s_files = new HostileFiles();

    [OneTimeTearDown]
    public static void RemoveFiles() => s_files.Dispose();

    [SetUp]
    public void ResetCount()
    {
        _count = 0;
        Array.Clear(_exits);
    }

    [TearDown]
    public void PrintCount() => TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"fuzz: {_count} verb calls on corrupted inputs; exit 0: {_exits[0]}, exit 1: {_exits[1]}, exit 2: {_exits[2]}"));

    [FsCheck.NUnit.Property(MaxTest = Cases)]
    public Property Trace_AnyCorruption_EveryVerbAnswersCleanly() =>
        Prop.ForAll(JsonMutation.Arbitrary, m =>
        {
            var trace = Write(s_files.Trace, "fuzz-trace.json", m);
            var ok = Clean(m, "replay", trace)
                && Clean(m, "replay", trace, "--json")
                && Clean(m, "timeline", trace, "-o", s_files.In("fuzz-timeline.html"))
                && Clean(m, "shrink", trace, "--budget", "20", "-o", s_files.In("fuzz-shrunk.json"));
            return ok.Label(_failure);
        });

    [FsCheck.NUnit.Property(MaxTest = Cases)]
    public Property CoyoteTraceAndItsJson_AnyCorruption_ReplayAnswersCleanly() =>
        Prop.ForAll(JsonMutation.Arbitrary, Gen.Elements(true, false).ToArbitrary(), (m, corruptTheDotTrace) =>
        {
            var coyote = corruptTheDotTrace ? Write(s_files.CoyoteTrace, "fuzz.trace", m) : Copy(s_files.CoyoteTrace, "fuzz.trace");
            var json = File.ReadAllText(s_files.CoyoteJson).Replace("EventCheckConnectLostWakeup.coyote.trace", "fuzz.trace", StringComparison.Ordinal);
            var trace = s_files.In("fuzz-coyote.json");
            File.WriteAllText(trace, corruptTheDotTrace ? json : m.Apply(json));
            _ = coyote;
            return Clean(m, "replay", trace).Label(_failure);
        });

    [FsCheck.NUnit.Property(MaxTest = Cases)]
    public Property Census_AnyCorruption_ExploreAnswersCleanly() =>
        Prop.ForAll(JsonMutation.Arbitrary, m =>
        {
            var census = Write(s_files.Census, "fuzz.census.json", m);
            return Clean(m, "explore", "ZooLostUpdate", "--census", census, "--traces", s_files.In("fuzz-traces")).Label(_failure);
        });

    [FsCheck.NUnit.Property(MaxTest = Cases)]
    public Property ShardReport_AnyCorruption_MergeAnswersCleanly() =>
        Prop.ForAll(JsonMutation.Arbitrary, m =>
        {
            var shard = Write(s_files.Shard1, "fuzz-shard1.json", m);
            var ok = Clean(m, "merge", shard, s_files.Shard2)
                && Clean(m, "merge", shard, s_files.Shard2, "-o", s_files.In("fuzz-merged.json"));
            return ok.Label(_failure);
        });

    private static string Write(string source, string name, JsonMutation m)
    {
        var path = s_files.In(name);
        File.WriteAllText(path, m.Apply(File.ReadAllText(source)));
        return path;
    }

    private static string Copy(string source, string name)
    {
        var path = s_files.In(name);
        File.Copy(source, path, overwrite: true);
        return path;
    }

    private bool Clean(JsonMutation m, params string[] args)
    {
        var sut = CliInvocation.Of(args);
        _count++;
        if (sut.ExitCode is >= 0 and <= 2)
        {
            _exits[sut.ExitCode]++;
        }

        var ok = sut.ExitCode is 0 or 1 or 2 && sut.ErrorLines.Length <= 1 && !sut.Error.Contains("internal error", StringComparison.Ordinal)
            && !sut.Error.Contains("System.", StringComparison.Ordinal) && !sut.Error.Contains('\u001b', StringComparison.Ordinal);
        if (!ok)
        {
            _failure = $"{args[0]} after {m}: exit {sut.ExitCode}, stderr: {sut.Error}";
        }

        return ok;
    }
}
