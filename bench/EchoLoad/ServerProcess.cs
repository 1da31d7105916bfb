using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SimHarness.EchoLoad;

/// <summary>One echo server under test, started as its own process on a loopback port.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Endpoint = new IPEndPoint(IPAddress.Loopback, port);
    }

    public string Name { get; }

    public IPEndPoint Endpoint { get; }

    /// <summary>CPU time the server process has used so far (user + system, all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Our server: <c>SimHarness serve echo-upper --port 0 --quiet</c>; the port is read from its listening line.</summary>
    public static async Task<ServerProcess> StartOursAsync(string root)
    {
        var dll = Path.Combine(root, "src", "SimHarness", "bin", "Release", "net10.0", "SimHarness.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: dotnet build SimHarness.sln -c Release first");
        }

        var p = Launch("dotnet", root, [dll, "serve", "echo-upper", "--port", "0", "--quiet"]);
        var line = await p.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("serve exited: " + await p.StandardError.ReadToEndAsync());
        var port = int.Parse(line.Split(' ')[3].Split(':')[1], CultureInfo.InvariantCulture);
        Drain(p, stdout: false); // --quiet: nothing more on stdout until it stops
        return new ServerProcess("SimHarness serve echo-upper", p, port);
    }

    /// <summary>The seed's gevent server (tests/fidelity/sockets/seed_echo_server.py) with python3, on a free port.</summary>
    public static async Task<ServerProcess> StartGeventAsync(string root)
    {
        var port = FreePort();
        // Debian's python3 carries python3-gevent; another python3 first on PATH (pyenv) may not.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var p = Launch(python, root, [Path.Combine(root, "tests", "fidelity", "sockets", "seed_echo_server.py"), port.ToString(CultureInfo.InvariantCulture)]);
        Drain(p, stdout: true);
        var s = new ServerProcess("seed gevent server (python3)", p, port);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await probe.ConnectAsync(s.Endpoint);
                return s;
            }
            catch (SocketException)
            {
                if (p.HasExited)
                {
                    break;
                }

                await Task.Delay(50);
            }
        }

        s.Dispose();
        throw new InvalidOperationException("the gevent server did not start listening (is python3-gevent installed?)");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private static Process Launch(string file, string root, string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // The load generator's own socket tuning (Program.cs) must not leak into the server measured.
        psi.Environment.Remove("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS");

        return Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
    }

    // The seed's server prints every peer and tracebacks of broken pipes: read and drop them so its pipes never fill.
    private static void Drain(Process p, bool stdout)
    {
        if (stdout)
        {
            p.OutputDataReceived += (_, _) => { };
            p.BeginOutputReadLine();
        }

        p.ErrorDataReceived += (_, _) => { };
        p.BeginErrorReadLine();
    }

    private static int FreePort()
    {
        using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)s.LocalEndPoint!).Port;
    }
}
