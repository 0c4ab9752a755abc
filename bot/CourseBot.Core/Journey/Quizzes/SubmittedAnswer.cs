namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// One answer as GitHub wrote it under the field's heading. <see cref="Text"/> is the trimmed value,
/// empty when the learner left it blank (<c>_No response_</c>, <c>None</c>). For checkboxes
/// <see cref="Checked"/> lists the checked option texts (possibly none) and <see cref="Text"/> is the raw list.
/// </summary>
public sealed record SubmittedAnswer(string Text, IReadOnlyList<string>? Checked)
{
    public bool IsChecklist => Checked is not null;

    public bool IsBlank => Checked is { } items ? items.Count == 0 : Text.Length == 0;
}
