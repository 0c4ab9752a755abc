using System.Collections.Frozen;
using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Loading;

/// <summary>Maps one <c>quizzes/&lt;assessment-id&gt;.yml</c> onto a <see cref="Quiz"/>.</summary>
internal static class QuizReader
{
    internal static readonly FrozenDictionary<string, QuestionKind> Kinds = new Dictionary<string, QuestionKind>
    {
        ["single"] = QuestionKind.SingleChoice,
        ["multiple"] = QuestionKind.MultipleChoice,
        ["true-false"] = QuestionKind.TrueFalse,
        ["short"] = QuestionKind.ShortAnswer,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static Quiz Read(MapReader map, string assessmentId)
    {
        var quiz = new Quiz(assessmentId, map.Maps("questions").Select(ReadQuestion).ToImmutableArray(), map.Location);
        map.Finish();
        return quiz;
    }

    private static QuizQuestion ReadQuestion(MapReader map)
    {
        var (answer, isList) = map.StringOrStrings("answer", required: false);
        var question = new QuizQuestion(
            Id: map.Text("id") ?? "",
            Kind: map.Choice("kind", Kinds) ?? QuestionKind.Unknown,
            Prompt: map.Text("prompt") ?? "",
            Options: map.Strings("options", required: false),
            Answer: answer,
            AnswerIsList: isList,
            Accept: map.Strings("accept", required: false),
            Explanation: map.Text("explanation") ?? "",
            Reference: map.Text("reference") ?? "",
            Section: map.Text("section", required: false),
            Assumes: map.Text("assumes", required: false),
            Location: map.Location);
        map.Finish();
        return question;
    }
}
