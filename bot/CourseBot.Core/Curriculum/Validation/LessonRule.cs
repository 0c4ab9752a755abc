using System.Globalization;
using CourseBot.Core.Curriculum.Loading;
using CourseBot.Core.Curriculum.Model;
using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CourseBot.Core.Curriculum.Validation;

/// <summary>
/// Each lesson exists, renders with Markdig, is titled after its module, has the four sections the
/// module issue is built from, lists every assessment in its checklist, and has no broken relative link.
/// </summary>
internal sealed class LessonRule : ICurriculumRule
{
    public static readonly string[] Sections = ["Learning objectives", "Core concepts", "Resources", "Assessments"];

    public void Check(Course course, DiagnosticBag bag)
    {
        var display = new DisplayPaths(course.RootDirectory);
        foreach (var module in course.Modules)
        {
            var file = display.Of(Path.Combine(module.Directory, CurriculumLoader.LessonFile));
            if (module.Lesson is null)
            {
                bag.Add(SourceLocation.OfFile(file), "", "lesson README.md is missing");
                continue;
            }

            var document = Markdown.Parse(module.Lesson, LessonMarkdown.Pipeline);
            _ = document.ToHtml(LessonMarkdown.Pipeline);
            CheckTitle(module, document, file, bag);
            CheckSections(document, file, bag);
            CheckChecklist(module, document, file, bag);
            CheckLinks(module, document, file, bag);
        }
    }

    private static void CheckTitle(Module module, MarkdownDocument document, string file, DiagnosticBag bag)
    {
        if (module.Title.Length == 0)
        {
            return; // already reported on module.yml
        }

        var expected = string.Create(CultureInfo.InvariantCulture, $"Module {module.Number}: {module.Title}");
        var title = document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        if (title is null || PlainText(title.Inline) != expected)
        {
            bag.Add(At(file, (Block?)title ?? document), "title", $"lesson should start with '# {expected}'");
        }
    }

    private static void CheckSections(MarkdownDocument document, string file, DiagnosticBag bag)
    {
        var found = document.Descendants<HeadingBlock>().Where(h => h.Level == 2).ToList();
        var names = found.Select(h => PlainText(h.Inline)).ToList();
        if (!names.SequenceEqual(Sections, StringComparer.Ordinal))
        {
            var firstWrong = Enumerable.Range(0, found.Count).FirstOrDefault(i => i >= Sections.Length || names[i] != Sections[i], -1);
            var location = firstWrong >= 0 ? At(file, found[firstWrong]) : At(file, document);
            bag.Add(
                location,
                "sections",
                $"expected the sections {string.Join(", ", Sections.Select(s => $"'## {s}'"))} in this order, found "
                + $"{(names.Count == 0 ? "none" : string.Join(", ", names.Select(n => $"'## {n}'")))}"
            );
        }
    }

    private static void CheckChecklist(Module module, MarkdownDocument document, string file, DiagnosticBag bag)
    {
        var heading = document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 2 && PlainText(h.Inline) == "Assessments");
        if (heading is null)
        {
            return;
        }

        var items = document.Descendants<ListItemBlock>()
            .Where(item => item.Line > heading.Line && item.Descendants<TaskList>().Any())
            .ToList();
        var titles = items
            .Select(item =>
                item.Descendants<EmphasisInline>().FirstOrDefault(e => e.DelimiterCount == 2) is { } strong ? PlainText(strong) : ""
            )
            .ToList();
        var expected = module.Assessments.Select(a => a.Title).ToList();
        for (var i = 0; i < Math.Max(expected.Count, titles.Count); i++)
        {
            if (i >= titles.Count)
            {
                bag.Add(
                    At(file, heading),
                    "assessments",
                    $"no checklist item '- [ ] **{expected[i]}**' for assessment '{module.Assessments[i].Id}'"
                );
            }
            else if (i >= expected.Count)
            {
                bag.Add(At(file, items[i]), "assessments", $"checklist item '{titles[i]}' matches no assessment in module.yml");
            }
            else if (titles[i] != expected[i])
            {
                bag.Add(
                    At(file, items[i]),
                    "assessments",
                    $"checklist item {i + 1} should start with '**{expected[i]}**' (found '{titles[i]}')"
                );
            }
        }
    }

    private static void CheckLinks(Module module, MarkdownDocument document, string file, DiagnosticBag bag)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            var url = link.Url ?? "";
            if (
                url.Length == 0
                || url.StartsWith('#')
                || Uri.TryCreate(url, UriKind.Absolute, out _)
                || url.StartsWith("//", StringComparison.Ordinal)
            )
            {
                continue;
            }

            var relative = url.Split('#', '?')[0];
            var target = Path.GetFullPath(Path.Combine(module.Directory, Uri.UnescapeDataString(relative)));
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                bag.Add(new SourceLocation(file, link.Line + 1, link.Column + 1), "links", $"relative link '{url}' points to nothing");
            }
        }
    }

    private static SourceLocation At(string file, Block block) => new(file, block.Line + 1, block.Column + 1);

    private static string PlainText(ContainerInline? container) =>
        container is null ? "" : string.Concat(container.Descendants<Inline>().Select(inline => inline switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => "",
        })).Trim();
}
