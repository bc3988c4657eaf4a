using MscAlf.Codes;
using MscAlf.Concepts;

namespace MscAlf.Tests.Concepts;

public sealed class EnrollmentBandTests
{
    [Theory]
    [InlineData(1, Band.UpTo20)]
    [InlineData(20, Band.UpTo20)]
    [InlineData(21, Band.From21To50)]
    [InlineData(50, Band.From21To50)]
    [InlineData(51, Band.From51To100)]
    [InlineData(100, Band.From51To100)]
    [InlineData(101, Band.From101To200)]
    [InlineData(200, Band.From101To200)]
    [InlineData(201, Band.Over200)]
    [InlineData(0, Band.Unknown)]
    [InlineData(null, Band.Unknown)]
    public void Classify_WhenCountOnAnEdge_ReturnsBand(int? count, Band expected) =>
        Assert.Equal(expected, EnrollmentBand.Classify(count).Value);

    [Theory]
    [InlineData(EnrollmentType.Actual, CountKind.Actual)]
    [InlineData(EnrollmentType.Anticipated, CountKind.Target)]
    [InlineData(EnrollmentType.Estimated, CountKind.Target)]
    [InlineData(null, CountKind.Unknown)]
    public void KindOf_WhenEnrollmentType_SeparatesActualFromTarget(EnrollmentType? type, CountKind expected) =>
        Assert.Equal(expected, EnrollmentBand.KindOf(type));
}
