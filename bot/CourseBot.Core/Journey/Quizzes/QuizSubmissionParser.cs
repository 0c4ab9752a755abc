using System.Globalization;
using System.Text.RegularExpressions;
using CourseBot.Core.Curriculum.Model;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// Reads a submitted quiz issue. GitHub renders each form field as <c>### {label}</c>, a blank line and
/// the value (<c>_No response_</c> or <c>None</c> when empty, <c>- [X] text</c> lines for checkboxes).
/// Markdig finds the top-level level-3 headings, so a heading shown inside a code block or HTML
/// comment does not start a section, exactly as the learner sees the issue. Any input, however
/// broken, yields a submission with problems instead of an exception.
/// </summary>
public static partial class QuizSubmissionParser
{
    /// <summary>GitHub caps an issue body at 65 536 characters; longer text did not come from GitHub and is not read.</summary>
    public const int MaxBodyLength = 65_536 * 4;

    // Only block structure matters, so no inline parsers: headings keep their raw text and the
    // learner's text never reaches link, emphasis or HTML inline parsing.
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    public static QuizSubmission Parse(string? issueBody)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(issueBody))
        {
            problems.Add("The issue body is empty: submit the quiz with its issue form.");
            return new QuizSubmission(null, new Dictionary<int, SubmittedAnswer>(), problems);
        }

        if (issueBody.Length > MaxBodyLength)
        {
            problems.Add(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The issue body is {issueBody.Length} characters long, more than a quiz form can produce ({MaxBodyLength}); it "
                    + $"was not read."
                )
            );
            return new QuizSubmission(null, new Dictionary<int, SubmittedAnswer>(), problems);
        }

        // Markdig reads \0 as U+FFFD; replacing it first keeps block spans pointing into this string.
        var text = issueBody.ReplaceLineEndings("\n").Replace('\0', '\uFFFD');
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException ex)
        {
            // Markdig refuses input nested deeper than its limit (thousands of '>' or '- ').
            problems.Add($"The issue body could not be read: {ex.Message}");
            return new QuizSubmission(null, new Dictionary<int, SubmittedAnswer>(), problems);
        }

        var sections = FormSections.Read(text, document, problems);
        if (sections.Count == 0)
        {
            problems.Add("No form fields found: this does not look like a submitted quiz form (each field starts with a '### ' heading).");
        }

        string? quizKey = null;
        var answers = new Dictionary<int, SubmittedAnswer>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (label, value) in sections)
        {
            var number = QuizFormFields.AnswerNumber(label);
            var name = number is { } n ? QuizFormFields.AnswerLabel(n, QuestionKind.ShortAnswer) : label;
            if (label != QuizFormFields.QuizLabel && number is null)
            {
                continue; // a heading the learner added; it only ends the field above it
            }

            if (!seen.Add(name))
            {
                if (repeated.Add(name))
                {
                    problems.Add($"'{name}' appears more than once; the first one counts.");
                }

                continue;
            }

            if (number is { } index)
            {
                answers[index] = Answer(value);
            }
            else
            {
                quizKey = IsBlank(value) ? "" : QuizFormFields.OneLine(value);
            }
        }

        if (quizKey is null && sections.Count > 0)
        {
            problems.Add($"The '{QuizFormFields.QuizLabel}' field is missing, so the quiz this issue answers is unknown.");
        }
        else if (quizKey is "")
        {
            problems.Add($"The '{QuizFormFields.QuizLabel}' field is empty, so the quiz this issue answers is unknown.");
        }

        return new QuizSubmission(string.IsNullOrEmpty(quizKey) ? null : quizKey, answers, problems);
    }

    private static SubmittedAnswer Answer(string value)
    {
        if (IsBlank(value))
        {
            return new SubmittedAnswer("", null);
        }

        var lines = value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var boxes = lines.Select(line => CheckboxLine().Match(line)).ToList();
        if (boxes.TrueForAll(m => m.Success))
        {
            var checkedOptions = boxes
                .Where(m => m.Groups[1].Value is "x" or "X")
                .Select(m => QuizFormFields.OneLine(m.Groups[2].Value))
                .ToList();
            return new SubmittedAnswer(value, checkedOptions);
        }

        return new SubmittedAnswer(value, null);
    }

    private static bool IsBlank(string value) =>
        value.Length == 0
        || value.Equals("_No response_", StringComparison.OrdinalIgnoreCase)
        || value.Equals("None", StringComparison.OrdinalIgnoreCase);

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder();
        builder.InlineParsers.Clear();
        return builder.Build();
    }

    // GitHub writes "- [X] text"; hand edits and other tools write "- [x]" or "* [x]".
    [GeneratedRegex(@"^[-*+][ \t]+\[([ xX])\](?:[ \t]+(.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex CheckboxLine();

    /// <summary>Splits the document at its top-level level-3 headings: each heading's text and the raw text under it.</summary>
    private static class FormSections
    {
        public static List<(string Label, string Value)> Read(string text, MarkdownDocument document, List<string> problems)
        {
            var headings = new List<HeadingBlock>();
            var hidden = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var block in document)
            {
                if (block is HeadingBlock { Level: 3 } heading)
                {
                    headings.Add(heading);
                }
                else if (block is CodeBlock or HtmlBlock)
                {
                    FindHidden((LeafBlock)block, hidden);
                }
            }

            problems.AddRange(hidden.Select(label =>
                $"'{label}' is inside a code block or HTML (an unclosed ``` or <!-- above it?), so it was not read."));

            var sections = new List<(string, string)>(headings.Count);
            for (var i = 0; i < headings.Count; i++)
            {
                // An ATX heading is one line; its span stops before a closing "###", the line does not.
                var lineEnd = text.IndexOf('\n', Math.Clamp(headings[i].Span.Start, 0, text.Length));
                var start = lineEnd < 0 ? text.Length : lineEnd + 1;
                var end = i + 1 < headings.Count ? Math.Clamp(headings[i + 1].Span.Start, start, text.Length) : text.Length;
                sections.Add((Label(headings[i]), text[start..end].Trim()));
            }

            return sections;
        }

        private static string Label(HeadingBlock heading) =>
            heading.Inline is null
                ? ""
                : string.Concat(heading.Inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();

        // A "```" typed as an answer opens a code block that runs to the end and swallows the fields below it.
        private static void FindHidden(LeafBlock block, SortedSet<string> hidden)
        {
            foreach (Match match in HiddenHeading().Matches(block.Lines.ToString()))
            {
                var label = match.Groups[1].Value;
                if (label == QuizFormFields.QuizLabel || QuizFormFields.AnswerNumber(label) is not null)
                {
                    hidden.Add(label);
                }
            }
        }
    }

    [GeneratedRegex(@"^### +([^\n]{1,60}?)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenHeading();
}
