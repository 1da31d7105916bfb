using SimHarness.Simulation;

namespace SimHarness.Tests.Speed;

/// <summary>The per-step thread lists of the built-in scheduler: read like any list, one enumerator reused.</summary>
public class ThreadListTests
{
    private static ThreadList Of(params SimThread[] threads)
    {
        var sut = new ThreadList();
        foreach (var t in threads)
        {
            sut.Add(t);
        }

        return sut;
    }

    [Test]
    public void Foreach_NestedWalks_EachSeesEveryThreadInOrder()
    {
        SimThread a = new(), b = new(), c = new();
        var sut = Of(a, b, c);
        var pairs = new List<(SimThread, SimThread)>();

        foreach (var x in (IReadOnlyList<SimThread>)sut)
        {
            foreach (var y in (IReadOnlyList<SimThread>)sut)
            {
                pairs.Add((x, y));
            }
        }

        var expected = new[] { a, b, c }.SelectMany(x => new[] { a, b, c }.Select(y => (x, y)));
        Assert.That(pairs, Is.EqualTo(expected));
    }

    [Test]
    public void GetEnumerator_AfterAWalkEnded_HandsOutTheSameEnumeratorRestarted()
    {
        SimThread a = new(), b = new();
        var sut = Of(a, b);
        var first = sut.GetEnumerator();
        while (first.MoveNext())
        {
        }

        first.Dispose();

        var second = sut.GetEnumerator();

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.SameAs(first));
            Assert.That(second.MoveNext(), Is.True);
            Assert.That(second.Current, Is.SameAs(a));
        });
    }

    [Test]
    public void Clear_ThenAdd_ListsOnlyTheNewThreads()
    {
        SimThread a = new(), b = new(), c = new(), d = new(), e = new();
        var sut = Of(a, b, c, d, e);

        sut.Clear();
        sut.Add(c);

        Assert.Multiple(() =>
        {
            Assert.That(sut, Is.EqualTo(new[] { c }));
            Assert.That(sut.Count, Is.EqualTo(1));
            Assert.That(() => sut[1], Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void Select_ToArray_GivesEveryThreadOnceInOrder()
    {
        SimThread a = new(), b = new(), c = new(), d = new(), e = new();
        var sut = Of(a, b, c, d, e);

        var names = sut.Select(t => t).ToArray();

        Assert.That(names, Is.EqualTo(new[] { a, b, c, d, e }));
    }

    [Test]
    public void CopyTo_AtAnOffset_WritesEveryThreadInOrder_AndRefusesAShortArray()
    {
        SimThread a = new(), b = new(), c = new();
        var sut = Of(a, b, c);
        var into = new SimThread[5];

        sut.CopyTo(into, 1);

        Assert.Multiple(() =>
        {
            Assert.That(into, Is.EqualTo(new[] { null, a, b, c, null }));
            Assert.That(new List<SimThread>(sut), Is.EqualTo(new[] { a, b, c }));
            Assert.That(() => sut.CopyTo(new SimThread[3], 1), Throws.ArgumentException);
        });
    }

    [Test]
    public void Mutators_ThroughTheListInterface_AreRefused()
    {
        var sut = Of(new SimThread());
        IList<SimThread> list = sut;

        Assert.Multiple(() =>
        {
            Assert.That(list.IsReadOnly, Is.True);
            Assert.That(() => list.RemoveAt(0), Throws.TypeOf<NotSupportedException>());
            Assert.That(() => list.Insert(0, new SimThread()), Throws.TypeOf<NotSupportedException>());
            Assert.That(() => list[0] = new SimThread(), Throws.TypeOf<NotSupportedException>());
        });
    }

    [Test]
    public void TryInsertById_KeepsIdOrder_AndRefusesASecondThreadOfAnId()
    {
        SimThread one = WithId(1), three = WithId(3), two = WithId(2), otherTwo = WithId(2);
        var sut = new ThreadList();

        var inserted = new[] { sut.TryInsertById(three), sut.TryInsertById(one), sut.TryInsertById(two), sut.TryInsertById(otherTwo) };

        Assert.Multiple(() =>
        {
            Assert.That(inserted, Is.EqualTo(new List<bool> { true, true, true, false }));
            Assert.That(sut, Is.EqualTo(new[] { one, two, three }));
            Assert.That(sut.RemoveById(two), Is.True);
            Assert.That(sut, Is.EqualTo(new[] { one, three }));
            Assert.That(() => sut.InsertById(WithId(3)), Throws.InvalidOperationException);
        });
    }

    [Test]
    public void Contains_FindsTheThreadItself_NotAnotherOfTheSameId()
    {
        SimThread a = WithId(7), sameId = WithId(7);
        var sut = Of(a);

        Assert.Multiple(() =>
        {
            Assert.That(sut.Contains(a), Is.True);
            Assert.That(sut.IndexOf(a), Is.Zero);
            Assert.That(sut.Contains(sameId), Is.False);
            Assert.That(sut.IndexOf(sameId), Is.EqualTo(-1));
        });
    }

    private static SimThread WithId(int id)
    {
        var t = new SimThread();
        t.Attach(null!, id, -1, $"T{id}", null, daemon: false);
        return t;
    }
}
