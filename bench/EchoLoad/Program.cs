using System.Globalization;
using SimHarness.EchoLoad;

// Round trips per second of our real echo-upper server (`SimHarness serve echo-upper`) beside the
// seed's gevent server, at each client count, in one run. Usage (after a Release build):
//   dotnet run --project bench/EchoLoad -c Release -- [clients=50,1000] [seconds=3] [warmup=1] [rounds=3]
var inv = CultureInfo.InvariantCulture;
var clientCounts = (args.Length > 0 ? args[0] : "50,1000").Split(',').Select(c => int.Parse(c, inv)).ToArray();
var window = TimeSpan.FromSeconds(double.Parse(args.Length > 1 ? args[1] : "3", inv));
var warmup = TimeSpan.FromSeconds(double.Parse(args.Length > 2 ? args[2] : "1", inv));
var rounds = int.Parse(args.Length > 3 ? args[3] : "3", inv);
var root = FindRoot();
Func<string, Task<ServerProcess>>[] servers = [ServerProcess.StartOursAsync, ServerProcess.StartGeventAsync];
string[] names = ["ours", "gevent"];
var results = new Dictionary<(int Clients, string Server), List<Measurement>>();

Console.WriteLine($"window {window.TotalSeconds} s after {warmup.TotalSeconds} s warm-up, {rounds} rounds, {Environment.ProcessorCount} cores");
Console.WriteLine("| round | clients | server | round trips/s | load generator CPU (cores) | server CPU (cores) | wrong replies |");
Console.WriteLine("|---:|---:|---|---:|---:|---:|---:|");
for (var round = 1; round <= rounds; round++)
{
    foreach (var clients in clientCounts)
    {
        // Alternate which server goes first so that drift in the machine's load hits both alike.
        var order = round % 2 == 1 ? new[] { 0, 1 } : [1, 0];
        foreach (var s in order)
        {
            using var server = await servers[s](root);
            var m = await new LoadRun(server.Endpoint, clients).MeasureAsync(warmup, window, () => server.CpuTime);
            Console.WriteLine(string.Create(inv, $"| {round} | {clients} | {names[s]} | {m.RoundTripsPerSecond:N0} | {m.LoadCores:F2} | {m.ServerCores:F2} | {m.WrongReplies} |"));
            if (!results.TryGetValue((clients, names[s]), out var list))
            {
                results[(clients, names[s])] = list = [];
            }

            list.Add(m);
        }
    }
}

Console.WriteLine();
Console.WriteLine("| clients | ours: round trips/s (median) | gevent: round trips/s (median) | ours / gevent | ours: load gen + server CPU | gevent: load gen + server CPU |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
foreach (var clients in clientCounts)
{
    var ours = results[(clients, "ours")];
    var gevent = results[(clients, "gevent")];
    var (o, g) = (Median(ours, m => m.RoundTripsPerSecond), Median(gevent, m => m.RoundTripsPerSecond));
    Console.WriteLine(string.Create(inv, $"| {clients} | {o:N0} | {g:N0} | {o / g:F1}× | {Median(ours, m => m.LoadCores):F2} + {Median(ours, m => m.ServerCores):F2} | {Median(gevent, m => m.LoadCores):F2} + {Median(gevent, m => m.ServerCores):F2} |"));
}

return results.Values.SelectMany(v => v).Any(m => m.WrongReplies > 0) ? 1 : 0;

static double Median(List<Measurement> ms, Func<Measurement, double> f)
{
    var v = ms.Select(f).Order().ToArray();
    return v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
}

static string FindRoot()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
    {
        if (File.Exists(Path.Combine(d.FullName, "SimHarness.sln")))
        {
            return d.FullName;
        }
    }

    throw new DirectoryNotFoundException("SimHarness.sln not found above the program");
}
