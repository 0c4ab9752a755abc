namespace CourseBot.Tests.Journey;

/// <summary>
/// Produces the issue body GitHub writes when a learner submits an issue form: for each field that is
/// not markdown, <c>### {label}</c>, a blank line and the value. An empty input reads <c>_No response_</c>,
/// an empty dropdown <c>None</c>, checkboxes one <c>- [X] label</c> or <c>- [ ] label</c> line each.
/// Like GitHub it only lets a dropdown take one of its options, and a dropdown with a default starts on it.
/// </summary>
internal static class IssueFormRenderer
{
    /// <param name="formYaml">The issue form as written to the learner's repository.</param>
    /// <param name="answers">By field id: the chosen dropdown option, the checked checkbox labels, or the typed text.</param>
    /// <param name="newLine">The line break between lines of the body.</param>
    public static string Render(string formYaml, IReadOnlyDictionary<string, IReadOnlyList<string>> answers, string newLine = "\n")
    {
        var form = IssueForm.Parse(formYaml);
        var sections = new List<string>();
        foreach (var field in form.Fields)
        {
            var chosen = field.Id is not null && answers.TryGetValue(field.Id, out var values) ? values : [];
            var value = field.Type switch
            {
                "dropdown" => Dropdown(field, chosen),
                "checkboxes" => string.Join(newLine, field.Options.Select(o => (chosen.Contains(o) ? "- [X] " : "- [ ] ") + o)),
                "input" or "textarea" => chosen is [{ Length: > 0 } text] ? text : "_No response_",
                _ => throw new InvalidOperationException($"unknown field type {field.Type}"),
            };
            sections.Add($"### {field.Label}{newLine}{newLine}{value}");
        }

        return string.Join(newLine + newLine, sections);
    }

    private static string Dropdown(FormElement field, IReadOnlyList<string> chosen)
    {
        if (chosen is [var one])
        {
            Assert.Contains(one, field.Options); // GitHub offers nothing else
            return one;
        }

        return field.Default is { } index ? field.Options[index] : "None";
    }
}
