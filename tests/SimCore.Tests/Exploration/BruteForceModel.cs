namespace SimHarness.Tests.Exploration;

/// <summary>
/// An independent model of the seed's Event scenarios, written from the rules of docs/semantics.md and
/// sharing no code with the harness: every thread is a hand-written state machine, every step is
/// atomic, time advances only when nothing can run (firing every timer due then), and every
/// interleaving is enumerated by copying the whole state at each choice.
/// </summary>
public sealed class BruteForceModel
{
    private readonly Config _config;

    public BruteForceModel(Config config) => _config = config;

    /// <summary>What the model's scenario is.</summary>
    /// <param name="Kind">CheckConnect, RetryLimit, LostWakeup or GivesUpEarly.</param>
    /// <param name="Threads">Connect threads.</param>
    /// <param name="CheckDelayMicros">Check thread's sleep.</param>
    /// <param name="WaitTimeoutMicros">RetryLimit: each wait's timeout.</param>
    /// <param name="Attempts">RetryLimit: attempts before giving up.</param>
    public sealed record Config(string Kind, int Threads, long CheckDelayMicros, long WaitTimeoutMicros = 0, int Attempts = 0);

    /// <summary>Everything the enumeration found.</summary>
    public sealed class Result
    {
        public long Schedules { get; set; }
        public HashSet<string> Transcripts { get; } = new(StringComparer.Ordinal);
        public long Deadlocks { get; set; }
        public long GaveUpEarly { get; set; }
    }

    private enum St { NotStarted, Runnable, BlockedWait, BlockedSleep, Finished }

    private sealed class T
    {
        public St State;
        public int Pc;
        public int Count = 1;
        public long Deadline = -1;
        public int AttemptLines;
        public T Clone() => (T)MemberwiseClone();
    }

    private sealed class S
    {
        public long Now;
        public bool Flag;
        public bool Violated;
        public T[] Th = [];
        public List<string> Out = [];
        public S Clone() => new() { Now = Now, Flag = Flag, Violated = Violated, Th = Th.Select(t => t.Clone()).ToArray(), Out = [.. Out] };
    }

    public Result Enumerate()
    {
        var n = _config.Threads + 2; // main, connect threads, check
        var s = new S { Th = Enumerable.Range(0, n).Select(_ => new T()).ToArray() };
        s.Th[0].State = St.Runnable;
        var result = new Result();
        Explore(s, result);
        return result;
    }

    /// <summary>The number of interleavings (what a search without reduction runs), counted with memoisation over states instead of enumerated.</summary>
    public long CountInterleavings()
    {
        var n = _config.Threads + 2;
        var s = new S { Th = Enumerable.Range(0, n).Select(_ => new T()).ToArray() };
        s.Th[0].State = St.Runnable;
        return Count(s, new Result(), []);
    }

    private long Count(S s, Result scratch, Dictionary<string, long> memo)
    {
        // The output does not change which steps come next, so states that differ only in it share their count.
        var key = $"{s.Now}|{s.Flag}|" + string.Join(";", s.Th.Select(t => $"{t.State},{t.Pc},{t.Count},{t.Deadline},{t.AttemptLines}"));
        if (memo.TryGetValue(key, out var known))
        {
            return known;
        }

        long total = 0;
        foreach (var i in Enumerable.Range(0, s.Th.Length).Where(i => s.Th[i].State == St.Runnable))
        {
            var next = s.Clone();
            StepThread(next, i, scratch);
            total += Settle(next, scratch) ? Count(next, scratch, memo) : 1;
        }

        memo[key] = total;
        return total;
    }

    private string Name(int i) => i == _config.Threads + 1 ? $"Thread-{i} (check)" : $"Thread-{i} (connect)";

    private void Explore(S s, Result r)
    {
        var runnable = Enumerable.Range(0, s.Th.Length).Where(i => s.Th[i].State == St.Runnable).ToArray();
        foreach (var i in runnable)
        {
            var next = s.Clone();
            StepThread(next, i, r);
            if (Settle(next, r))
            {
                Explore(next, r);
            }
        }
    }

    /// <summary>After a step: false when the run is over (finished, violated or deadlocked).</summary>
    private static bool Settle(S s, Result r)
    {
        if (s.Violated)
        {
            Leaf(s, r);
            return false;
        }

        if (s.Th.All(t => t.State is St.Finished or St.NotStarted) && s.Th[0].State == St.Finished)
        {
            Leaf(s, r);
            return false;
        }

        if (s.Th.Any(t => t.State == St.Runnable))
        {
            return true;
        }

        var timed = s.Th.Where(t => t.State is St.BlockedSleep or St.BlockedWait && t.Deadline >= 0).ToArray();
        if (timed.Length == 0)
        {
            r.Deadlocks++;
            Leaf(s, r);
            return false;
        }

        s.Now = timed.Min(t => t.Deadline);
        foreach (var t in timed.Where(t => t.Deadline == s.Now))
        {
            // A wait woken by its timeout returns false; a sleep simply ends.
            t.State = St.Runnable;
            t.Deadline = -1;
        }

        return true;
    }

    private static void Leaf(S s, Result r)
    {
        r.Schedules++;
        r.Transcripts.Add(string.Join('\n', s.Out));
    }

    private void StepThread(S s, int i, Result r)
    {
        var t = s.Th[i];
        var checkIndex = _config.Threads + 1;
        if (i == 0)
        {
            // main: create every thread (one step each), start each (one step each), finish.
            var total = _config.Threads + 1;
            if (t.Pc < total)
            {
                t.Pc++;
            }
            else if (t.Pc < 2 * total)
            {
                s.Th[t.Pc - total + 1].State = St.Runnable;
                t.Pc++;
            }
            else
            {
                t.State = St.Finished;
            }

            return;
        }

        if (i == checkIndex)
        {
            StepCheck(s, t, i);
            return;
        }

        if (_config.Kind is "RetryLimit" or "GivesUpEarly")
        {
            StepRetryConnect(s, t, i, r);
        }
        else
        {
            StepConnect(s, t, i);
        }
    }

    private void StepCheck(S s, T t, int i)
    {
        var pulse = _config.Kind == "LostWakeup";
        switch (t.Pc++)
        {
            case 0:
                s.Out.Add($"{Name(i)} 正在检测服务是否正常....");
                break;
            case 1 when !pulse:
                Block(s, t, St.BlockedSleep, _config.CheckDelayMicros);
                break;
            case 1:
            case 2 when !pulse:
                Set(s);
                break;
            case 2:
                s.Flag = false;
                break;
            default:
                t.State = St.Finished;
                break;
        }
    }

    private static void StepConnect(S s, T t, int i)
    {
        var name = $"Thread-{i} (connect)";
        switch (t.Pc++)
        {
            case 0:
                s.Out.Add($"{name} 等待连接...");
                break;
            case 1:
                if (!s.Flag)
                {
                    Block(s, t, St.BlockedWait, -1);
                }

                break;
            case 2:
                s.Out.Add($"{name} 开始连接...");
                break;
            default:
                t.State = St.Finished;
                break;
        }
    }

    private void StepRetryConnect(S s, T t, int i, Result r)
    {
        var name = $"Thread-{i} (connect)";
        var giveUpAt = _config.Kind == "GivesUpEarly" ? _config.Attempts : _config.Attempts + 1;
        // pc 0: is_set; 1: print attempt; 2: wait(timeout); 3: print connecting; 4: print too many; 5: finish.
        switch (t.Pc)
        {
            case 0:
                t.Pc = s.Flag ? 3 : t.Count == giveUpAt ? 4 : 1;
                break;
            case 1:
                s.Out.Add($"{name} 尝试第{t.Count}次连接...");
                t.AttemptLines++;
                t.Pc = 2;
                break;
            case 2:
                if (!s.Flag && _config.WaitTimeoutMicros > 0)
                {
                    Block(s, t, St.BlockedWait, _config.WaitTimeoutMicros);
                }

                t.Count++;
                t.Pc = 0;
                break;
            case 3:
                s.Out.Add($"{name} 开始连接...");
                t.Pc = 5;
                break;
            case 4:
                s.Out.Add("尝试的次数过多,请稍后重试");
                if (t.AttemptLines != _config.Attempts)
                {
                    // The gives-up-after-attempts monitor ends the run at this line.
                    r.GaveUpEarly++;
                    s.Violated = true;
                }

                t.Pc = 5;
                break;
            default:
                t.State = St.Finished;
                break;
        }
    }

    private static void Block(S s, T t, St state, long timeout)
    {
        t.State = state;
        t.Deadline = timeout < 0 ? -1 : s.Now + timeout;
    }

    private static void Set(S s)
    {
        s.Flag = true;
        foreach (var w in s.Th.Where(w => w.State == St.BlockedWait))
        {
            w.State = St.Runnable;
            w.Deadline = -1;
        }
    }
}
