using System.Globalization;
using SimHarness.EchoLoad;

// Round trips per second of our real echo-upper server (`SimHarness serve echo-upper`) beside the
// seed's gevent server, at each client count, in one run. Usage (after a Release build):
//   dotnet run --project bench/EchoLoad -c Release -- [clients=50,1000] [seconds=3] [warmup=1] [rounds=3]
// Socket continuations run on the epoll thread instead of hopping to the thread pool: the load
// generator then spends less CPU per round trip than the servers it drives. Read when the first
// socket is used, so it must be set before.
Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
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
            var started = System.Diagnostics.Stopwatch.StartNew();
            using var server = await servers[s](root);
            Console.Error.WriteLine($"  started {names[s]} in {started.ElapsedMilliseconds} ms");
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
Console.WriteLine("| clients | ours: round trips/s | gevent: round trips/s | ours / gevent | server CPU per round trip, ours / gevent | load generator CPU per round trip, vs ours / vs gevent |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
foreach (var clients in clientCounts)
{
    var ours = results[(clients, "ours")];
    var gevent = results[(clients, "gevent")];
    var (o, g) = (Median(ours, m => m.RoundTripsPerSecond), Median(gevent, m => m.RoundTripsPerSecond));
    Console.WriteLine(string.Create(inv, $"| {clients} | {o:N0} | {g:N0} | {o / g:F2}× | {Median(ours, PerTrip(m => m.ServerCores)):F1} µs / {Median(gevent, PerTrip(m => m.ServerCores)):F1} µs | {Median(ours, PerTrip(m => m.LoadCores)):F1} µs / {Median(gevent, PerTrip(m => m.LoadCores)):F1} µs |"));
}

Console.WriteLine("(medians over the rounds; CPU per round trip = CPU seconds in the window / round trips in the window)");
return results.Values.SelectMany(v => v).Any(m => m.WrongReplies > 0) ? 1 : 0;

static double Median(List<Measurement> ms, Func<Measurement, double> f)
{
    var v = ms.Select(f).Order().ToArray();
    return v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
}

static Func<Measurement, double> PerTrip(Func<Measurement, double> cores) => m => cores(m) / m.RoundTripsPerSecond * 1e6;

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
