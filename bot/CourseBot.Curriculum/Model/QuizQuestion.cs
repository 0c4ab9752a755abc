using System.Collections.Immutable;

namespace CourseBot.Core.Curriculum.Model;

/// <summary>
/// One question. <see cref="Answer"/> holds option letters (single, multiple) or <c>true</c>/<c>false</c>;
/// <see cref="Accept"/> holds the patterns a short answer must match in full.
/// </summary>
public sealed record QuizQuestion(
    string Id,
    QuestionKind Kind,
    string Prompt,
    ImmutableArray<string> Options,
    ImmutableArray<string> Answer,
    bool AnswerIsList,
    ImmutableArray<string> Accept,
    string Explanation,
    string Reference,
    string? Section,
    string? Assumes,
    SourceLocation Location)
{
    /// <summary>The letter of option <paramref name="index"/> (0 -> a).</summary>
    public static string Letter(int index) => ((char)('a' + index)).ToString();

    /// <summary>Indexes of the correct options for single and multiple questions; letters outside the options are left out.</summary>
    public IEnumerable<int> CorrectOptions =>
        Answer.Where(a => a.Length == 1).Select(a => a[0] - 'a').Where(i => i >= 0 && i < Options.Length).Distinct();
}
