using FsCheck;
using FsCheck.Fluent;
using SimHarness.Simulation;

namespace SimHarness.Tests.Speed;

/// <summary>Times as the event log shows them, now formatted once per value: the cache changes no text.</summary>
public class SecondsTextTests
{
    // Seconds written out digit by digit: the integer part, then up to six decimals without trailing zeros.
    private static string ByHand(long micros)
    {
        var whole = (micros / 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fraction = (micros % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0');
        return fraction.Length == 0 ? whole : whole + "." + fraction;
    }

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public Property Format_FirstAndCachedUse_GiveTheTextWrittenByHand() =>
        Prop.ForAll(
            Arb.From(from whole in Gen.Choose(0, 100_000) from fraction in Gen.Choose(0, 999_999) select (whole * 1_000_000L) + fraction),
            micros => SecondsText.Format(micros) == ByHand(micros) && SecondsText.Format(micros) == ByHand(micros));

    [Test]
    public void Format_MoreValuesThanTheCacheKeeps_StillGivesEachText()
    {
        var texts = Enumerable.Range(0, 10_000).Select(i => SecondsText.Format(i * 250_000L)).ToList();

        Assert.That(texts, Is.EqualTo(Enumerable.Range(0, 10_000).Select(i => ByHand(i * 250_000L))));
    }

    [TestCase(0L, "0")]
    [TestCase(3_000_000L, "3")]
    [TestCase(500_000L, "0.5")]
    [TestCase(1_000_001L, "1.000001")]
    public void Format_KnownTimes_ReadsAsTheLogShowsThem(long micros, string expected) =>
        Assert.That(SecondsText.Format(micros), Is.EqualTo(expected));
}
