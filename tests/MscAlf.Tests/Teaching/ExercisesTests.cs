using MscAlf.Teaching;

namespace MscAlf.Tests.Teaching;

public sealed class ExercisesTests
{
    [Fact]
    public void Check_WhenNothingAnswered_SaysSoWithoutGrading()
    {
        var verdict = Exercises.Check("02-2", null, TestData.Dataset);
        Assert.Null(verdict.Passed);
        Assert.Contains("not answered yet", verdict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("02-2", 20, true)]
    [InlineData("02-2", 19, false)]
    [InlineData("02-1", 47.8, true)]
    [InlineData("02-1", 47.83, true)]
    [InlineData("02-1", 48, false)]
    [InlineData("04-1", 30.0, true)]
    [InlineData("04-1", 40, false)]
    [InlineData("01-2", "Curation_Notes ", true)]
    [InlineData("01-2", "scope_note", false)]
    public void Check_WhenAnswered_GradesAgainstTheData(string exercise, object answer, bool passed)
    {
        var verdict = Exercises.Check(exercise, answer, TestData.Dataset);
        Assert.Equal(passed, verdict.Passed);
        Assert.Contains(passed ? "correct ✓" : "Hint: ", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenTheExerciseIsUnknown_ListsTheExercises()
    {
        var error = Assert.Throws<ArgumentException>(() => Exercises.Check("09-9", 1, TestData.Dataset));
        Assert.Contains("00-1, 00-2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_WhenComputed_AllGiveAnAnswerAndAQuestion() =>
        Assert.All(Exercises.Ids, id =>
        {
            Assert.NotEmpty(Exercises.Question(id));
            if (!id.StartsWith("06-", StringComparison.Ordinal)) // notebook 06's keys read its database: checked by the notebook tests
            {
                Assert.Equal(false, Exercises.Check(id, "surely wrong", TestData.Dataset).Passed);
            }
        });
}
