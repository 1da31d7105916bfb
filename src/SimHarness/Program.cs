using SimHarness.Catalog;
using SimHarness.Exploration;

var all = ScenarioCatalog.Discover([typeof(SimHarness.Scenarios.Threading.EventCheckConnect).Assembly]);
foreach (var name in args)
{
    var info = ScenarioCatalog.Find(all, name);
    var s = info.Create(info.ResolveParams(null));
    var r = BuiltInExecutor.Run(s, new CanonicalStrategy());
    foreach (var o in r.Record.Output) Console.WriteLine($"{o.Seconds,6} [{o.Thread}] {o.Text}");
    foreach (var v in r.Record.Violations) Console.WriteLine($"VIOLATION {v.Invariant}: {v.Message}");
    Console.WriteLine($"steps={r.Record.Steps} completed={r.Record.Completed}");
}
return 0;
