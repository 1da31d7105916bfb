using SimHarness.Exploration;
using SimHarness.Simulation;

namespace SimHarness.Shrinking;

/// <summary>
/// Takes decisions from a list of choice indices in which 0 is always the simplest choice: keep running
/// the thread that took the previous step (else the one that has waited longest), and value 0 for a data
/// choice. Past the end of the list every choice is 0, so a prefix is completed without preemptions or faults.
/// </summary>
/// <remarks>
/// Thread choice k &gt; 0 is the k-th other parked thread in id order; an index out of range counts as 0,
/// so deleting or editing choices never makes a candidate invalid. With <c>follow</c> given, the strategy
/// instead re-takes a recorded decision list and only computes the choice indices (to encode a trace).
/// </remarks>
internal sealed class ChoiceStrategy : IScheduleStrategy
{
    private readonly IReadOnlyList<int> _choices;
    private readonly ReplayStrategy? _follow;
    private readonly List<SimThread> _alternatives = [];
    private SimThread? _previous;
    private int _next;
    private int _steps;
    private int _preemptions;
    private int _faults;

    public ChoiceStrategy(IReadOnlyList<int> choices) => _choices = choices;

    public ChoiceStrategy(ReplayStrategy follow)
    {
        _choices = [];
        _follow = follow;
    }

    /// <summary>The choice index of every decision taken, in order (the normal form of the run).</summary>
    public List<int> Taken { get; } = [];

    /// <summary>For every decision taken: how many options it had and what a nonzero choice there costs.</summary>
    public List<(int Options, ChoiceCost Cost)> Points { get; } = [];

    /// <summary>Steps, preemptions and faults of the run so far.</summary>
    public ShrinkSize Size => new(_steps, _preemptions, _faults);

    /// <summary>True when following a recorded list failed (the run was abandoned).</summary>
    public bool Diverged { get; private set; }

    public SimThread? PickThread(IReadOnlyList<SimThread> candidates)
    {
        var preferred = Preemption.Preferred(_previous, candidates);
        _alternatives.Clear();
        _alternatives.Add(preferred);
        _alternatives.AddRange(candidates.Where(c => c != preferred));
        SimThread chosen;
        if (_follow is not null)
        {
            var t = _follow.PickThread(candidates);
            if (t is null)
            {
                Diverged = true;
                return null;
            }

            chosen = t;
            Taken.Add(_alternatives.IndexOf(t));
        }
        else
        {
            var k = NextChoice(_alternatives.Count);
            chosen = _alternatives[k];
            Taken.Add(k);
        }

        Points.Add((_alternatives.Count, Preemption.CanContinue(_previous, candidates) ? ChoiceCost.Preemption : ChoiceCost.None));
        if (Preemption.Is(_previous, candidates, chosen))
        {
            _preemptions++;
        }

        _steps++;
        _previous = chosen;
        return chosen;
    }

    public int PickValue(int count, string what)
    {
        int v;
        if (_follow is not null)
        {
            v = _follow.PickValue(count, what);
            Diverged |= _follow.Divergence is not null;
        }
        else
        {
            v = NextChoice(count);
        }

        Taken.Add(v);
        Points.Add((count, ChoiceCost.Fault));
        if (v != 0)
        {
            _faults++;
        }

        return v;
    }

    private int NextChoice(int count)
    {
        var k = _next < _choices.Count ? _choices[_next] : 0;
        _next++;
        return k < count ? k : 0;
    }
}
