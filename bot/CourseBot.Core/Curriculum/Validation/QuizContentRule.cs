using CourseBot.Core.Curriculum.Loading;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Validation;

/// <summary>
/// Once a quiz's content exists (<c>modules/NN-id/quizzes/&lt;assessment-id&gt;.yml</c>), its number of
/// questions must equal the count the module declares. Content never lives in a learner repository.
/// </summary>
internal sealed class QuizContentRule : ICurriculumRule
{
    public const string QuizFolder = "quizzes";

    public void Check(Course course, DiagnosticBag bag)
    {
        var display = new DisplayPaths(course.RootDirectory);
        foreach (var module in course.Modules)
        {
            var folder = Path.Combine(module.Directory, QuizFolder);
            var declared = module.Assessments
                .Where(a => a.Kind is AssessmentKind.Quiz or AssessmentKind.Exam || a.Grading == Grading.Quiz)
                .GroupBy(a => a.Id, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.yml").Order(StringComparer.Ordinal))
            {
                var id = Path.GetFileNameWithoutExtension(file);
                var shown = display.Of(file);
                if (!declared.TryGetValue(id, out var assessment))
                {
                    bag.Add(SourceLocation.OfFile(shown), "", $"quiz content for '{id}', but module {module.Number} declares no quiz or exam with that id");
                    continue;
                }

                if (YamlDocumentReader.ReadMapping(file, shown, bag) is not { } reader)
                {
                    continue;
                }

                var count = reader.Maps("questions").Count;
                reader.Finish();
                if (assessment.Questions is { } expected && count != expected)
                {
                    reader.Error("questions", $"has {count} questions but {display.Of(Path.Combine(module.Directory, CurriculumLoader.ModuleFile))} declares {expected} for '{id}'");
                }
            }
        }
    }
}
