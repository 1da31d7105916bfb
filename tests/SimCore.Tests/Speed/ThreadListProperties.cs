using FsCheck;
using FsCheck.Fluent;
using SimHarness.Simulation;

namespace SimHarness.Tests.Speed;

/// <summary>
/// The id-ordered operations of <see cref="ThreadList"/> against a sorted set of ids: short lists are
/// searched by a walk and long ones by halving, so the operations run across both sizes.
/// </summary>
public class ThreadListProperties
{
    // Inserts (true) and removals (false) of ids from a range that lets a list grow past the walk's limit.
    private static readonly Gen<(bool Insert, int Id)[]> Operations =
        from count in Gen.Choose(0, 60)
        from ops in Gen.Zip(Gen.Frequency((3, Gen.Constant(true)), (2, Gen.Constant(false))), Gen.Choose(0, 24)).ArrayOf(count)
        select ops;

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property InsertAndRemoveById_AgreeWithASortedSetOfIds() =>
        Prop.ForAll(Operations.ToArbitrary(), ops =>
        {
            var sut = new ThreadList();
            var model = new SortedSet<int>();
            foreach (var (insert, id) in ops)
            {
                var thread = WithId(id);
                var answered = insert ? sut.TryInsertById(thread) : sut.RemoveById(thread);
                var expected = insert ? model.Add(id) : model.Remove(id);
                if (answered != expected || !sut.Select(t => t.Id).SequenceEqual(model))
                {
                    return false;
                }
            }

            return true;
        });

    private static SimThread WithId(int id)
    {
        var t = new SimThread();
        t.Attach(null!, id, -1, $"T{id}", null, daemon: false);
        return t;
    }
}
