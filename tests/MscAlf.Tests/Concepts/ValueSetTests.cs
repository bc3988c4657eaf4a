using MscAlf.Codes;
using MscAlf.Concepts;

namespace MscAlf.Tests.Concepts;

public sealed class ValueSetTests
{
    private enum Colour
    {
        Red,
        Green,
        Blue,
    }

    [Fact]
    public void Constructor_WhenAMemberIsListedTwice_Throws() =>
        Assert.Contains("Green is listed twice", Assert.Throws<ArgumentException>(() => new ValueSet<Colour>(
            (Colour.Red, "Red", "#f00"), (Colour.Green, "Green", "#0f0"), (Colour.Green, "Again", "#0f0"), (Colour.Blue, "Blue", "#00f"))).Message,
            StringComparison.Ordinal);

    [Fact]
    public void Constructor_WhenAMemberIsMissing_Throws() =>
        Assert.Contains("no label for Blue", Assert.Throws<ArgumentException>(() => new ValueSet<Colour>(
            (Colour.Red, "Red", "#f00"), (Colour.Green, "Green", "#0f0"))).Message, StringComparison.Ordinal);

    [Fact]
    public void Categories_WhenListed_FollowTheDisplayOrder()
    {
        var set = new ValueSet<Colour>((Colour.Blue, "Blue", "#00f"), (Colour.Red, "Red", "#f00"), (Colour.Green, "Green", "#0f0"));
        Assert.Equal([Colour.Blue, Colour.Red, Colour.Green], set.Order);
        Assert.Equal(["Blue", "Red", "Green"], set.Categories.Select(c => c.Label));
        Assert.Equal("Green", set.Label(Colour.Green));
    }

    [Fact]
    public void Indexer_WhenTheValueIsNotAMember_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => MscSource.Values[(MscSourceCode)99]);

    /// <summary>The import keeps per-member texts and bit sets indexed by these enums' values, so each must run 0, 1, 2 ….</summary>
    [Fact]
    public void Enums_WhenIndexedByValue_AreContiguousFromZero()
    {
        Assert.All(Enum.GetValues<Phase>().Select((v, i) => ((int)v, i)), p => Assert.Equal(p.i, p.Item1));
        Assert.All(Enum.GetValues<Status>().Select((v, i) => ((int)v, i)), p => Assert.Equal(p.i, p.Item1));
        Assert.All(Enum.GetValues<MscSourceCode>().Select((v, i) => ((int)v, i)), p => Assert.Equal(p.i, p.Item1));
        Assert.True(Enum.GetValues<MscSourceCode>().Length < 32);
        Assert.True(Enum.GetValues<Phase>().Length < 32);
    }
}
