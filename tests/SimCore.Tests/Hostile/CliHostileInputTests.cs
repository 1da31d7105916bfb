using System.Text.Json.Nodes;
using SimHarness.Tests.Cli;

namespace SimHarness.Tests.Hostile;

/// <summary>Issue 15: each bad input found by hand is one line naming the file and the field, exit 1.</summary>
public class CliHostileInputTests
{
    private HostileFiles _files = null!;

    [OneTimeSetUp]
    public void MakeFiles() => _files = new HostileFiles();

    [OneTimeTearDown]
    public void RemoveFiles() => _files.Dispose();

    private static void AssertRefused(CliInvocation sut, params string[] mustMention) => Assert.Multiple(() =>
    {
        Assert.That(sut.ExitCode, Is.EqualTo(1), sut.Out);
        Assert.That(sut.ErrorLines, Has.Length.EqualTo(1), sut.Error);
        foreach (var m in mustMention)
        {
            Assert.That(sut.Error, Does.Contain(m));
        }

        Assert.That(sut.Error, Does.Not.Contain("System.").And.Not.Contain("   at "));
    });

    [TestCase("replay")]
    [TestCase("timeline")]
    [TestCase("shrink")]
    public void TraceVerb_FormatIsANumber_Refused(string verb)
    {
        var trace = _files.Edited(_files.Trace, $"format-{verb}.json", n => n["format"] = 7);

        AssertRefused(CliInvocation.Of(verb, trace), trace, "not a SimHarness trace");
    }

    [TestCase("replay")]
    [TestCase("timeline")]
    [TestCase("shrink")]
    public void TraceVerb_TimeOfTenToTheTwenty_RefusedNamingTheField(string verb)
    {
        var trace = _files.Edited(_files.Trace, $"time-{verb}.json", n => n["events"]![2]!["t"] = JsonNode.Parse("1e20"));

        AssertRefused(CliInvocation.Of(verb, trace), trace, "events[2].t", "a number of seconds");
    }

    [TestCase("seed", "\"zero\"", "an integer")]
    [TestCase("decisions", "[\"T0\", 3]", "decisions[1]")]
    [TestCase("violation", "[]", "an object")]
    [TestCase("output", "[{\"t\": -1, \"thread\": \"x\", \"text\": \"y\"}]", "output[0].t")]
    [TestCase("engine", "\"quantum\"", "builtin or coyote")]
    public void Replay_IllTypedField_RefusedNamingIt(string field, string json, string mention)
    {
        var trace = _files.Edited(_files.Trace, $"field-{field}.json", n => n[field] = JsonNode.Parse(json));

        AssertRefused(CliInvocation.Of("replay", trace), trace, mention);
    }

    [Test]
    public void Replay_ParamOutOfRangeInTrace_RefusedNamingTheFile()
    {
        var trace = _files.Edited(_files.Trace, "param-range.json", n => n["params"]!["threads"] = "-5");

        AssertRefused(CliInvocation.Of("replay", trace), trace, "threads", "1..10000");
    }

    [Test]
    public void Replay_TraceWithUnknownAssemblyField_StillReplays()
    {
        var trace = _files.Edited(_files.Trace, "assembly.json", n => n["assembly"] = "Scenarios.dll");

        var sut = CliInvocation.Of("replay", trace);

        Assert.That(sut.ExitCode, Is.EqualTo(2), sut.Error);
    }

    [Test]
    public void Replay_DevZero_RefusedAtTheSizeLimit()
    {
        Assume.That(File.Exists("/dev/zero"));

        AssertRefused(CliInvocation.Of("replay", "/dev/zero"), "/dev/zero", "input limit of 128 MiB");
    }

    [TestCase("/etc/passwd")]
    [TestCase("../elsewhere.trace")]
    [TestCase("sub/x.trace")]
    [TestCase("EventCheckConnectLostWakeup.coyote.json")]
    public void Replay_CoyoteTraceOutsideItsDirectory_Refused(string coyoteTrace)
    {
        var trace = _files.Edited(_files.CoyoteJson, "confined.json", n => n["coyoteTrace"] = coyoteTrace);

        AssertRefused(CliInvocation.Of("replay", trace), "coyoteTrace", "beside the trace");
    }

    [TestCase("Steps", "[]", "is empty")]
    [TestCase("CoyoteVersion", "\"1.7.10.0\"", "1.7.11.0")]
    [TestCase("Steps", "[1]", "Steps[0]")]
    public void Replay_CoyoteTraceEmptyOrForeign_Refused(string field, string json, string mention)
    {
        var coyote = _files.Edited(_files.CoyoteTrace, $"bad-{field}.trace", n => n[field] = JsonNode.Parse(json));
        var trace = _files.Edited(_files.CoyoteJson, $"bad-{field}.json", n => n["coyoteTrace"] = Path.GetFileName(coyote));

        AssertRefused(CliInvocation.Of("replay", trace), coyote, mention);
    }

    [TestCase("complete", "\"yes\"", "true or false")]
    [TestCase("outcomes", "[{\"output\": [3], \"count\": 1}]", "outcomes[0].output[0]")]
    [TestCase("outcomes", "[{\"output\": null, \"count\": 1}]", "outcomes[0].output")]
    [TestCase("outputDigests", "[5]", "outputDigests[0]")]
    [TestCase("schedules", "-1", "schedules")]
    [TestCase("schedules", "1e300", "schedules")]
    public void Merge_CorruptedShardReport_RefusedNamingTheField(string field, string json, string mention)
    {
        var shard = _files.Edited(_files.Shard1, $"merge-{field}.json", n => n[0]![field] = JsonNode.Parse(json));

        AssertRefused(CliInvocation.Of("merge", shard, _files.Shard2), shard, mention);
    }

    [Test]
    public void Merge_SchedulesSummingPastTwoToTheSixtyThree_RefusedNotWrapped()
    {
        var one = _files.Edited(_files.Shard1, "big1.json", n => n[0]!["schedules"] = long.MaxValue - 1);
        var two = _files.Edited(_files.Shard2, "big2.json", n => n[0]!["schedules"] = 5);

        AssertRefused(CliInvocation.Of("merge", one, two), "schedules", "add up past");
    }

    [Test]
    public void Merge_CountsSummingPastTwoToTheSixtyThree_RefusedNotWrapped()
    {
        static void Huge(JsonNode n)
        {
            foreach (var e in n[0]!["outcomes"]!.AsArray())
            {
                e!["count"] = long.MaxValue;
            }
        }

        var one = _files.Edited(_files.Shard1, "count1.json", Huge);
        var two = _files.Edited(_files.Shard2, "count2.json", Huge);
        Assume.That(JsonNode.Parse(File.ReadAllText(one))![0]!["outcomes"]!.AsArray(), Is.Not.Empty);

        var sut = CliInvocation.Of("merge", one, two);

        Assert.That(sut.ExitCode, Is.Not.Zero, "never a wrapped, negative count with exit 0");
        Assert.That(sut.Out, Does.Not.Contain("\"count\": -"));
    }

    [Test]
    public void Merge_OutputIsAnInput_Refused()
    {
        var copy = _files.Edited(_files.Shard1, "merge-self.json", _ => { });

        AssertRefused(CliInvocation.Of("merge", copy, _files.Shard2, "-o", copy), "is the input file");
        Assert.That(File.ReadAllText(copy), Does.Contain("\"shard\""), "the input is untouched");
    }

    [TestCase("outcomes", "[[\"counter = 1\", 2]]", "outcomes[0][1]")]
    [TestCase("params", "{\"threads\": \"-5\", \"increments\": \"1\"}", "1..10000")]
    [TestCase("violations", "[{\"invariant\": 1}]", "violations[0].invariant")]
    public void ExploreCensus_CorruptedCensus_RefusedNamingTheField(string field, string json, string mention)
    {
        var census = _files.Edited(_files.Census, $"census-{field}.json", n => n[field] = JsonNode.Parse(json));

        AssertRefused(CliInvocation.Of("explore", "ZooLostUpdate", "--census", census, "--traces", _files.In("census-traces")), census, mention);
    }

    // A name given twice in one object: before, reading such an object failed with "internal
    // error, please report it"; now every kind of input refuses it on one line as invalid JSON.
    [TestCase("replay", "trace")]
    [TestCase("timeline", "trace")]
    [TestCase("shrink", "trace")]
    [TestCase("replay", "coyote")]
    [TestCase("replay", "params")]
    [TestCase("explore", "census")]
    [TestCase("merge", "shard")]
    public void AnyInput_PropertyNamedTwice_RefusedAsInvalidJson(string verb, string input)
    {
        // Inserted right after the anchor: a second "scenario" at the top, or a second "threads" in the params.
        var (source, anchor, duplicate) = input switch
        {
            "trace" => (_files.Trace, "{", "\"scenario\": \"EventCheckConnect\", "),
            "coyote" => (_files.CoyoteJson, "{", "\"scenario\": \"EventCheckConnect\", "),
            "params" => (_files.Trace, "\"params\": {", "\"threads\": \"3\", "),
            "census" => (_files.Census, "{", "\"scenario\": \"EventCheckConnect\", "),
            _ => (_files.Shard1, "{", "\"scenario\": \"EventCheckConnect\", "),
        };
        var text = File.ReadAllText(source);
        var at = text.IndexOf(anchor, StringComparison.Ordinal) + anchor.Length;
        var path = _files.In($"twice-{verb}-{input}.json");
        File.WriteAllText(path, text[..at] + duplicate + text[at..]);
        string[] args = verb switch
        {
            "explore" => ["explore", "ZooLostUpdate", "--census", path, "--traces", _files.In("twice-traces")],
            "merge" => ["merge", path, _files.Shard2],
            _ => [verb, path],
        };

        AssertRefused(CliInvocation.Of(args), path, "not valid JSON", "Duplicate property");
    }

    [Test]
    public void Timeline_OutputIsTheTrace_RefusedAndTheTraceKept()
    {
        var trace = _files.Edited(_files.Trace, "self.json", _ => { });

        AssertRefused(CliInvocation.Of("timeline", trace, "-o", trace), "is the input file");
        Assert.That(File.ReadAllText(trace), Does.StartWith("{"));
    }

    [Test]
    public void Timeline_TraceNamedHtmlWithoutOutput_RefusedAndTheTraceKept()
    {
        var trace = _files.Edited(_files.Trace, "trace.html", _ => { });

        AssertRefused(CliInvocation.Of("timeline", trace), "is the input file");
        Assert.That(File.ReadAllText(trace), Does.StartWith("{"));
    }

    [Test]
    public void Shrink_OutputIsTheTrace_Refused()
    {
        var trace = _files.Edited(_files.Trace, "shrink-self.json", _ => { });

        AssertRefused(CliInvocation.Of("shrink", trace, "-o", trace), "is the input file");
    }

    [Test]
    public void Replay_EscapeSequenceInAThreadName_PrintedEscaped()
    {
        const string hostile = "\u001b]0;pwned\u0007\u001b[2J";
        var trace = _files.Edited(_files.Trace, "escape.json", n =>
        {
            n["events"]![0]!["thread"] = hostile;
            n["output"]![0]!["thread"] = hostile;
        });

        var sut = CliInvocation.Of("replay", trace);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.EqualTo(1));
            Assert.That(sut.Error + sut.Out, Does.Not.Contain("\u001b").And.Not.Contain("\u0007"));
            Assert.That(sut.Error + sut.Out, Does.Contain("\\u001b]0;pwned\\u0007"));
        });
    }
}
