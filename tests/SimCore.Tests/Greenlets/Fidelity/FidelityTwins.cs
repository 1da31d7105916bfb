using SimHarness.Greenlets;
using static SimHarness.Greenlets.PyValues;

namespace SimHarness.Tests.Greenlets.Fidelity;

/// <summary>The C# twin of each tests/fidelity/*.py rule program, line for line; the method name is the file name in PascalCase.</summary>
internal static class FidelityTwins
{
    public static async Task GreenletSwitchValues(ISim sim)
    {
        var g = new Greenlet(sim, async args =>
        {
            await Print(sim, "run args", Repr(args));
            var main = Greenlet.GetCurrent(sim).Parent!;
            await Print(sim, "got", Repr(await main.SwitchAsync()));
            await Print(sim, "got", Repr(await main.SwitchAsync()));
            await Print(sim, "got", Repr(await main.SwitchAsync()));
            return "done";
        });
        await Print(sim, "first", Repr(await g.SwitchAsync(1, "a")));
        await Print(sim, "back", Repr(await g.SwitchAsync()));
        await Print(sim, "back", Repr(await g.SwitchAsync(42)));
        await Print(sim, "back", Repr(await g.SwitchAsync(1, 2, 3)));
    }

    public static async Task GreenletStates(ISim sim)
    {
        var g = new Greenlet(sim, async _ =>
        {
            await Greenlet.GetCurrent(sim).Parent!.SwitchAsync();
            return null;
        });
        await Print(sim, g.Dead, g.IsActive);
        await g.SwitchAsync();
        await Print(sim, g.Dead, g.IsActive);
        await g.SwitchAsync();
        await Print(sim, g.Dead, g.IsActive);
    }

    public static async Task GreenletDeadSwitch(ISim sim)
    {
        var g = new Greenlet(sim, _ => Task.FromResult<object?>("r"));
        await Print(sim, Repr(await g.SwitchAsync()));
        await Print(sim, Repr(await g.SwitchAsync(7, 8)));
        await Print(sim, Repr(await g.SwitchAsync()));
        await Print(sim, Repr(await g.SwitchAsync(9)));
        var o = new Greenlet(sim, async _ =>
        {
            var inner = new Greenlet(sim, _ => Task.FromResult<object?>("inner done"));
            await Print(sim, "inner returned", Repr(await inner.SwitchAsync()));
            var x = await Greenlet.GetCurrent(sim).Parent!.SwitchAsync(inner);
            await Print(sim, "outer got", Repr(x));
            return "outer done";
        });
        var dead = (Greenlet)(await o.SwitchAsync())!;
        await Print(sim, "dead inner", dead.Dead);
        await Print(sim, "main got", Repr(await dead.SwitchAsync("to dead inner")));
    }

    public static async Task GreenletExceptions(ISim sim)
    {
        Func<object?[], Task<object?>> boom = _ => throw new ValueError("boom");
        try
        {
            await new Greenlet(sim, boom).SwitchAsync();
        }
        catch (ValueError e)
        {
            await Print(sim, "main caught", Repr(e));
        }

        await Print(sim, "returned", Repr(await new Greenlet(sim, _ => throw new GreenletExit()).SwitchAsync()));
        var p = new Greenlet(sim, async _ =>
        {
            try
            {
                await Greenlet.GetCurrent(sim).Parent!.SwitchAsync("p parked");
            }
            catch (ValueError e)
            {
                await Print(sim, "p caught", Repr(e));
            }

            return "p done";
        });
        await Print(sim, Repr(await p.SwitchAsync()));
        var c = new Greenlet(sim, boom, parent: p);
        await Print(sim, "main got", Repr(await c.SwitchAsync()));
    }

    public static async Task GreenletThrow(ISim sim)
    {
        Func<object?[], Task<object?>> k = async _ =>
        {
            try
            {
                await Greenlet.GetCurrent(sim).Parent!.SwitchAsync("parked");
            }
            finally
            {
                await Print(sim, "k finally");
            }

            return null;
        };
        var g = new Greenlet(sim, k);
        await Print(sim, Repr(await g.SwitchAsync()));
        await Print(sim, "throw returned", Repr(await g.ThrowAsync()));
        await Print(sim, g.Dead);
        var h = new Greenlet(sim, k);
        await Print(sim, "unstarted throw returned", Repr(await h.ThrowAsync()));
        await Print(sim, h.Dead);
        var j = new Greenlet(sim, k);
        await j.SwitchAsync();
        try
        {
            await j.ThrowAsync(new KeyError("z"));
        }
        catch (KeyError e)
        {
            await Print(sim, "main caught", Repr(e));
        }

        var m = new Greenlet(sim, async _ =>
        {
            try
            {
                await Greenlet.GetCurrent(sim).Parent!.SwitchAsync();
            }
            catch (GreenletExit)
            {
                await Print(sim, "caught exit");
                return "caught";
            }

            return null;
        });
        await m.SwitchAsync();
        await Print(sim, Repr(await m.ThrowAsync()));
    }

    public static async Task GreenletDropped(ISim sim)
    {
        Func<object?[], Task<object?>> k = async args =>
        {
            try
            {
                await Greenlet.GetCurrent(sim).Parent!.SwitchAsync();
            }
            finally
            {
                await Print(sim, "finally", args[0]);
            }

            return null;
        };
        var t = await sim.CreateThreadAsync(async () =>
        {
            await new Greenlet(sim, k).SwitchAsync(1);
            await new Greenlet(sim, k).SwitchAsync(2);
            await Print(sim, "thread body ends");
        }, "body");
        await t.StartAsync();
        await t.JoinAsync();
        await Print(sim, "joined");
    }

    public static async Task GreenletEatPlay(ISim sim) => await new Scenarios.Gevent.GreenletEatPlay().RunAsync(sim);

    public static async Task GeventSleep0(ISim sim)
    {
        var hub = Hub.Get(sim);
        var gs = new List<HubGreenlet>();
        foreach (var n in "ABC")
        {
            gs.Add(await hub.SpawnAsync(async _ =>
            {
                for (var i = 0; i < 2; i++)
                {
                    await Print(sim, $"{n}{i}");
                    await hub.SleepAsync(0);
                }

                return null;
            }));
        }

        await hub.JoinAllAsync(gs);
    }

    public static async Task GeventSpawnOrder(ISim sim)
    {
        var hub = Hub.Get(sim);
        for (var i = 0; i < 3; i++)
        {
            await hub.SpawnAsync(async args =>
            {
                await Print(sim, "run", args[0]);
                return null;
            }, i);
        }

        await Print(sim, "spawned");
        await hub.SleepAsync(0);
        await Print(sim, "after sleep(0)");
    }

    public static async Task GeventTimers(ISim sim)
    {
        var hub = Hub.Get(sim);
        var gs = new List<HubGreenlet>();
        foreach (var (name, t) in new[] { ("a", 0.02m), ("b", 0.01m), ("c", 0.02m), ("d", 0.01m) })
        {
            gs.Add(await hub.SpawnAsync(async _ =>
            {
                await hub.SleepAsync(t);
                await Print(sim, name);
                return null;
            }));
        }

        await hub.JoinAllAsync(gs);
    }

    public static async Task GeventJoinallTimeout(ISim sim)
    {
        var hub = Hub.Get(sim);
        Func<object?[], Task<object?>> work = async args =>
        {
            await hub.SleepAsync((decimal)args[1]!);
            await Print(sim, "done", args[0]);
            return ((string)args[0]!).ToUpperInvariant();
        };
        var a = await hub.SpawnAsync(work, "a", 0.1m);
        var b = await hub.SpawnAsync(work, "b", 2.0m);
        var f = await hub.SpawnAsync(_ => throw new ValueError("bad"));
        var done = await hub.JoinAllAsync([a, b, f], timeoutSeconds: 1.0m);
        await Print(sim, "ready", done.Count, a.Ready, b.Ready, f.Ready);
        await Print(sim, "value", Repr(a.Value), "exception", Repr(f.Exception), f.Successful, a.Successful);
        await b.JoinAsync();
        await Print(sim, "b", b.Ready, Repr(b.Value));
        try
        {
            await hub.JoinAllAsync([a, f], raiseError: true);
        }
        catch (ValueError e)
        {
            await Print(sim, "raised", Repr(e));
        }

        var empty = await hub.JoinAllAsync([], timeoutSeconds: 1);
        await Print(sim, "empty", $"[{string.Join(", ", empty)}]");
    }

    public static async Task GeventTimeout(ISim sim)
    {
        var hub = Hub.Get(sim);
        await hub.WithTimeoutAsync(0.01m, async () =>
        {
            await hub.SleepAsync(1);
            await Print(sim, "not printed");
        }, silent: true);
        await Print(sim, "silent timeout left the block");
        try
        {
            await hub.WithTimeoutAsync(0.01m, () => hub.SleepAsync(1), exception: () => new ValueError());
        }
        catch (ValueError e)
        {
            await Print(sim, "raised", Repr(e));
        }

        try
        {
            await hub.WithTimeoutAsync(0.01m, () => hub.SleepAsync(1));
        }
        catch (GeventTimeoutException)
        {
            await Print(sim, "raised Timeout");
        }

        await hub.WithTimeoutAsync(1, async () =>
        {
            await hub.SleepAsync(0.01m);
            await Print(sim, "finished in time");
        }, silent: true);
    }

    /// <summary>Python's <c>print(*parts)</c>.</summary>
    private static Task Print(ISim sim, params object?[] parts) => sim.PrintAsync(string.Join(' ', parts.Select(Str)));
}
