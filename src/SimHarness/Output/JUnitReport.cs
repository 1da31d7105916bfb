using System.Globalization;
using System.Xml.Linq;
using SimHarness.Exploration;

namespace SimHarness.Cli.Output;

/// <summary>
/// The <c>explore --junit FILE</c> report: one testsuite, one testcase per explored scenario. A
/// testcase fails on an unexpected violation or on a broken twin's missing one (and, under
/// <c>--require-complete</c>, on a search cut short); its failure text names the trace to replay.
/// </summary>
internal static class JUnitReport
{
    /// <summary>Builds the document.</summary>
    public static XDocument Build(IReadOnlyList<ExplorationReport> reports, ExplorationOptions options, bool cancelled, bool requireComplete)
    {
        var cases = reports.Select(r => Case(r, options, cancelled, requireComplete)).ToList();
        var failures = cases.Count(c => c.Element("failure") is not null);
        var seconds = Seconds(reports.Sum(r => r.ElapsedMs));
        var suite = new XElement("testsuite",
            new XAttribute("name", "simharness explore"),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", 0),
            new XAttribute("time", seconds),
            cases);
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites",
                new XAttribute("name", "simharness"),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", failures),
                new XAttribute("errors", 0),
                new XAttribute("time", seconds),
                suite));
    }

    /// <summary>Writes the document to <paramref name="path"/>, creating its folder.</summary>
    public static void Write(string path, XDocument document)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        document.Save(path);
    }

    private static XElement Case(ExplorationReport r, ExplorationOptions options, bool cancelled, bool requireComplete)
    {
        var testcase = new XElement("testcase",
            new XAttribute("classname", "simharness." + r.Strategy),
            new XAttribute("name", r.Scenario),
            new XAttribute("time", Seconds(r.ElapsedMs)),
            new XElement("properties",
                Property("schedules", r.Schedules.ToString(CultureInfo.InvariantCulture)),
                Property("complete", r.Complete ? "true" : "false"),
                Property("distinctOutputs", r.DistinctOutputs.ToString(CultureInfo.InvariantCulture)),
                Property("expectedViolation", r.ExpectedViolation ?? "")));
        if (Failure(r, options, cancelled, requireComplete) is { } failure)
        {
            testcase.Add(failure);
        }

        return testcase;
    }

    private static XElement? Failure(ExplorationReport r, ExplorationOptions options, bool cancelled, bool requireComplete)
    {
        if (!ExploreSummary.AsExpected(r))
        {
            var unexpected = r.Violations.Where(v => v.Invariant != r.ExpectedViolation).ToList();
            if (unexpected.Count > 0)
            {
                var first = unexpected[0];
                var lines = unexpected.Select(v => $"{v.Invariant} (x{v.Count}): {v.Message.ReplaceLineEndings(" ")}" + (v.Trace is null ? "" : $"\ntrace: {Slashes(v.Trace)}"));
                return new XElement("failure",
                    new XAttribute("type", "unexpected-violation"),
                    new XAttribute("message", $"violation {first.Invariant}: {first.Message.ReplaceLineEndings(" ")}" + (first.Trace is null ? "" : $" (trace: {Slashes(first.Trace)})")),
                    string.Join("\n", lines));
            }

            var how = r.Complete ? "in a complete search" : "in an incomplete search (complete: false)";
            return new XElement("failure",
                new XAttribute("type", "missing-expected-violation"),
                new XAttribute("message", $"expected violation {r.ExpectedViolation} not found {how}"),
                string.Create(CultureInfo.InvariantCulture, $"{r.Schedules} schedules explored, {r.DistinctOutputs} distinct outputs"));
        }

        if (requireComplete && ExploreSummary.CutShort(r, options, cancelled) is { } why)
        {
            return new XElement("failure",
                new XAttribute("type", "incomplete"),
                new XAttribute("message", $"search cut short by {why} (complete: false) under --require-complete"),
                string.Create(CultureInfo.InvariantCulture, $"{r.Schedules} schedules explored"));
        }

        return null;
    }

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", value));

    private static string Seconds(long ms) => (ms / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);

    private static string Slashes(string path) => path.Replace('\\', '/');
}
