using System.Collections.Concurrent;
using System.Reflection;
using SimHarness.Tests.Hostile;

namespace SimHarness.Tests.Cli;

/// <summary>An output that cannot be written is refused on one line before any work: a search does not run to its end only to lose its report.</summary>
public class CliOutputPathTests
{
    private HostileFiles _files = null!;
    private string _directory = null!;
    private string _file = null!;

    [OneTimeSetUp]
    public void MakeFiles()
    {
        _files = new HostileFiles();
        _directory = Directory.CreateDirectory(_files.In("a-directory")).FullName;
        _file = _files.In("a-file.txt");
        File.WriteAllText(_file, "not a directory\n");
    }

    [OneTimeTearDown]
    public void RemoveFiles() => _files.Dispose();

    private static void AssertRefusedBeforeWork(CliInvocation sut, string mustMention) => Assert.Multiple(() =>
    {
        CliUsageErrorTests.AssertOneLineError(sut, mustMention);
        Assert.That(sut.Out, Is.Empty, "nothing was explored, merged or shrunk");
    });

    [Test]
    public void Explore_JsonIsADirectory_Refused() =>
        AssertRefusedBeforeWork(Explore("--json", _directory), $"--json {_directory} is a directory");

    [Test]
    public void Explore_TracesIsAFile_Refused() =>
        AssertRefusedBeforeWork(CliInvocation.Of("explore", "ZooLostUpdate", "--traces", _file), $"--traces {_file} is a file");

    [TestCase("--json")]
    [TestCase("--junit")]
    public void Explore_OutputUnderAFile_Refused(string option) =>
        AssertRefusedBeforeWork(Explore(option, Path.Combine(_file, "sub", "out")), $"{_file} is a file, not a directory");

    [Test]
    public void Run_TraceIsADirectory_Refused() =>
        AssertRefusedBeforeWork(CliInvocation.Of("run", "ZooLostUpdate", "--trace", _directory), $"--trace {_directory} is a directory");

    [Test]
    public void Run_TraceUnderAFile_Refused() =>
        AssertRefusedBeforeWork(CliInvocation.Of("run", "ZooLostUpdate", "--trace", Path.Combine(_file, "t.json")), $"{_file} is a file, not a directory");

    [Test]
    public void Shrink_OutputIsADirectory_Refused() =>
        AssertRefusedBeforeWork(CliInvocation.Of("shrink", _files.Trace, "-o", _directory), "is a directory");

    [Test]
    public void Timeline_OutputIsADirectory_Refused() =>
        AssertRefusedBeforeWork(CliInvocation.Of("timeline", _files.Trace, "-o", _directory), "is a directory");

    [Test]
    public void Merge_OutputIsADirectory_Refused() =>
        AssertRefusedBeforeWork(CliInvocation.Of("merge", _files.Shard1, _files.Shard2, "-o", _directory), "is a directory");

    // procfs refuses every new entry, to root too (CI runs as root, which file modes do not stop).
    private const string Unmakeable = "/proc/1";

    private static void AssumeProcfs() =>
        Assume.That(Directory.Exists(Unmakeable), "needs Linux's /proc: a directory nobody can make entries in");

    [TestCase("--json")]
    [TestCase("--junit")]
    public void Explore_OutputInADirectoryNothingCanBeMadeIn_Refused(string option)
    {
        AssumeProcfs();
        var path = Path.Combine(Unmakeable, "r.out");

        AssertRefusedBeforeWork(Explore(option, path), $"{option} {path} cannot be written: no file can be made in {Unmakeable}");
    }

    [Test]
    public void Explore_TracesThatCannotBeMade_Refused()
    {
        AssumeProcfs();
        var path = Path.Combine(Unmakeable, "simharness-traces");

        AssertRefusedBeforeWork(CliInvocation.Of("explore", "ZooLostUpdate", "--traces", path), $"--traces {path} cannot be written: the directory {path} cannot be made");
    }

    [Test]
    public void Run_TraceUnderADirectoryThatCannotBeMade_Refused()
    {
        AssumeProcfs();
        var path = Path.Combine(Unmakeable, "new", "t.json");

        AssertRefusedBeforeWork(CliInvocation.Of("run", "ZooLostUpdate", "--trace", path), $"--trace {path} cannot be written: the directory {Path.GetDirectoryName(path)} cannot be made");
    }

    [Test]
    public void Explore_NothingToWrite_LeavesNoDirectoryBehind()
    {
        // The outputs are checked without making their directories (only a probe entry in the deepest
        // one that exists, removed at once): a search without violations writes no trace, so its traces
        // directory is not made.
        var root = _files.In("probed");
        var traces = Path.Combine(root, "deeper", "traces");

        var sut = CliInvocation.Of("explore", "ZooLostUpdateFixed", "--traces", traces);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(sut.Out, Does.Contain("violations=0"), "a search that writes no trace (else pick another)");
            Assert.That(Directory.Exists(root), Is.False, "every directory the check made is removed");
        });
    }

    [Test]
    public void Explore_NewOutputInAnExistingDirectory_LeavesNoProbeBehind()
    {
        var json = Path.Combine(_directory, "new.json");

        var sut = Explore("--json", json);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(Directory.GetFiles(_directory).Select(Path.GetFileName), Is.EqualTo(["new.json"]), "the report, and not the file made to check the directory");
        });
    }

    [Test]
    public void Explore_ExistingOutput_OverwrittenAtTheEnd()
    {
        var json = _files.In("existing.json");
        File.WriteAllText(json, "old\n");

        var sut = Explore("--json", json);

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(File.ReadAllText(json), Does.Contain("\"ZooLostUpdate\""), "checked by opening it, not emptied");
        });
    }

    [Test]
    public void Explore_OutputsInDirectoriesNotYetMade_Written()
    {
        var json = _files.In(Path.Combine("new", "deeper", "r.json"));

        var sut = CliInvocation.Of("explore", "ZooLostUpdate", "--json", json, "--traces", _files.In(Path.Combine("new", "traces")));

        Assert.Multiple(() =>
        {
            Assert.That(sut.ExitCode, Is.Zero, sut.Error);
            Assert.That(File.ReadAllText(json), Does.Contain("\"ZooLostUpdate\""));
        });
    }

    [Test]
    public void Explore_SeveralAtOnceIntoOneMissingTracesDirectory_EveryOneRuns()
    {
        // Each explore checks that it can write in --traces before the work: two at once (two processes
        // of a bench script, or two calls in one process) must not take each other's directory or probe
        // away. (When the check made the directory and removed it after, one check's removal made
        // another's mkdir fail: "already exists", yet not there.)
        for (var round = 0; round < 10; round++)
        {
            var traces = _files.In($"shared-traces-{round}");
            var results = new CliInvocation[4];
            Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = results.Length }, i =>
                results[i] = CliInvocation.Of("explore", "EventCheckConnect", "--traces", traces, "--probes", "0"));

            Assert.That(results.Select(r => r.ExitCode == 0 ? "ran" : r.Error.Trim()), Is.All.EqualTo("ran"), $"round {round}");
        }
    }

    [Test]
    public void OutputDirectoryCheck_ManyAtOnceOnOneMissingDirectory_EveryOnePassesAndNoneMakesIt()
    {
        // The same race as above, called often enough to meet it: the check itself, from several
        // threads at once, many times on one directory that is not there.
        var check = typeof(SimHarness.Cli.Cli).Assembly.GetType("SimHarness.Cli.Inputs")!
            .GetMethod("OutputDirectory", BindingFlags.Public | BindingFlags.Static)!;
        var traces = _files.In(Path.Combine("raced", "traces"));
        var failures = new ConcurrentBag<string>();

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            for (var i = 0; i < 300; i++)
            {
                try
                {
                    check.Invoke(null, [traces, "--traces"]);
                }
                catch (TargetInvocationException ex)
                {
                    failures.Add(ex.InnerException!.Message);
                }
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(failures.Distinct(), Is.Empty);
            Assert.That(Directory.Exists(_files.In("raced")), Is.False, "no check made the directory or its parent");
        });
    }

    private CliInvocation Explore(string option, string path) =>
        CliInvocation.Of("explore", "ZooLostUpdate", option, path, "--traces", _files.In("traces"));
}
