using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using SimHarness.Cli.Output;
using SimHarness.Real.Sockets;

namespace SimHarness.Cli.Commands;

/// <summary><c>serve echo-upper</c>: the seed's echo server for real TCP clients, until Ctrl-C or SIGTERM.</summary>
internal static class ServeCommand
{
    /// <summary>The servers <c>serve</c> knows.</summary>
    private const string EchoUpper = "echo-upper";

    public static Command Create(CliContext ctx)
    {
        var defaults = new EchoUpperServerOptions();
        var server = new Argument<string>("server") { Description = $"what to serve: {EchoUpper} (every byte back, ASCII letters uppercased, as the seed's gevent server)" };
        var port = new Option<int>("--port") { Description = "TCP port (0 picks a free one, printed when listening)", DefaultValueFactory = _ => defaults.Port, HelpName = "P" };
        var host = new Option<string>("--host") { Description = "address to bind (loopback unless you say otherwise)", DefaultValueFactory = _ => defaults.Host, HelpName = "H" };
        var backlog = new Option<int>("--backlog") { Description = "listen() backlog", DefaultValueFactory = _ => defaults.Backlog, HelpName = "N" };
        var maxConnections = new Option<int>("--max-connections")
        {
            Description = "connections served at once; more wait in the backlog",
            DefaultValueFactory = _ => defaults.MaxConnections,
            HelpName = "N",
        };
        var quiet = new Option<bool>("--quiet") { Description = "do not print each accepted peer's address" };
        var idleTimeout = new Option<double>("--idle-timeout")
        {
            Description = "close a connection that receives and sends nothing for this many seconds",
            DefaultValueFactory = _ => defaults.IdleTimeout.TotalSeconds,
            HelpName = "SECONDS",
        };
        var cmd = new Command("serve", "serve real TCP clients until Ctrl-C or SIGTERM; each connection uses one fixed buffer")
        {
            server, port, host, backlog, maxConnections, quiet, idleTimeout,
        };
        cmd.SetAction(p =>
        {
            var name = p.GetValue(server);
            if (name != EchoUpper)
            {
                throw new UsageException($"unknown server '{name}': the one server is {EchoUpper}");
            }

            var print = !p.GetValue(quiet);
            var idle = p.GetValue(idleTimeout);
            if (!(idle > 0 && idle <= 86_400))
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--idle-timeout must be a number of seconds in (0, 86400], got {idle}"));
            }

            using var log = new PeerLog(ctx.Out);
            var options = new EchoUpperServerOptions
            {
                Host = p.GetValue(host)!,
                Port = p.GetValue(port),
                Backlog = p.GetValue(backlog),
                MaxConnections = p.GetValue(maxConnections),
                IdleTimeout = TimeSpan.FromSeconds(idle),
                OnAccepted = print ? peer => log.Line(PythonAddress(peer)) : null,
            };
            return Serve(ctx, options, log);
        });
        return cmd;
    }

    private static int Serve(CliContext ctx, EchoUpperServerOptions options, PeerLog log)
    {
        using var sut = EchoUpperServer.Start(options);
        if (!IPAddress.IsLoopback(sut.LocalEndPoint.Address))
        {
            ctx.Error.WriteLine($"warning: listening on {sut.LocalEndPoint}, beyond loopback: any host that can reach it may connect (the server has no authentication)");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.Cancellation);
        void OnSignal(PosixSignalContext signal)
        {
            // Stop serving instead of dying: the listener and every connection get closed.
            signal.Cancel = true;
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        log.Line($"{EchoUpper} listening on {sut.LocalEndPoint} (max {options.MaxConnections} connections; Ctrl-C stops)");
        sut.RunAsync(stop.Token).GetAwaiter().GetResult();
        log.Line(string.Create(CultureInfo.InvariantCulture, $"stopped after serving {sut.ConnectionsServed} connections"));

        // A stdout nobody reads must not keep the process alive after a stop: wait for it a little only.
        if (!log.Finish(TimeSpan.FromSeconds(1)) || log.DroppedNote() is not null)
        {
            ctx.Error.WriteLine(log.DroppedNote() ?? "warning: stdout is not being read: the last lines were not written");
        }

        return ExitCodes.Ok;
    }

    /// <summary>A peer address as Python prints it: <c>('127.0.0.1', 54321)</c>; IPv6 with flow info and scope id.</summary>
    internal static string PythonAddress(IPEndPoint peer) => peer.AddressFamily == AddressFamily.InterNetworkV6
        ? string.Create(CultureInfo.InvariantCulture, $"('{peer.Address.ToString().Split('%')[0]}', {peer.Port}, 0, {peer.Address.ScopeId})")
        : string.Create(CultureInfo.InvariantCulture, $"('{peer.Address}', {peer.Port})");
}
