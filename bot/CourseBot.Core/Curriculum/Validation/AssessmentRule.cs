using System.Globalization;
using System.Collections.Frozen;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Validation;

/// <summary>Each assessment's kind, grading and quiz fields agree; capstone modules carry their brief and a project.</summary>
internal sealed class AssessmentRule : ICurriculumRule
{
    private static readonly FrozenDictionary<AssessmentKind, Grading[]> AllowedGrading = new Dictionary<AssessmentKind, Grading[]>
    {
        [AssessmentKind.Quiz] = [Grading.Quiz],
        [AssessmentKind.Exam] = [Grading.Quiz],
        [AssessmentKind.KnowledgeCheck] = [Grading.Quiz, Grading.Review],
        [AssessmentKind.Lab] = [Grading.Auto, Grading.Review],
        [AssessmentKind.Exercise] = [Grading.Auto, Grading.Review],
        [AssessmentKind.Project] = [Grading.Review],
        [AssessmentKind.CodeReview] = [Grading.Review],
        [AssessmentKind.Demo] = [Grading.Review],
        [AssessmentKind.Review] = [Grading.Review],
        [AssessmentKind.Survey] = [Grading.Auto],
    }.ToFrozenDictionary();

    public void Check(Course course, DiagnosticBag bag)
    {
        foreach (var module in course.Modules)
        {
            for (var i = 0; i < module.Assessments.Length; i++)
            {
                CheckOne(module.Assessments[i], string.Create(CultureInfo.InvariantCulture, $"assessments[{i}]"), bag);
            }

            if (module.OfKind(AssessmentKind.Quiz).Count() > 1)
            {
                bag.Add(module.Location, "assessments", "a module has at most one quiz");
            }

            if (module.Capstone is { } capstone)
            {
                if (!module.OfKind(AssessmentKind.Project).Any())
                {
                    bag.Add(capstone.Location, "capstone", "a capstone module needs a 'project' assessment for its submission");
                }

                if (!capstone.Rubric.IsEmpty && capstone.Rubric.Sum(c => c.Weight) != 100)
                {
                    bag.Add(
                        capstone.Location,
                        "capstone.rubric",
                        $"rubric weights add up to {capstone.Rubric.Sum(c => c.Weight)} (expected 100)"
                    );
                }

                if (
                    capstone.PullRequestTemplate is { } template
                    && !File.Exists(Path.Combine(Path.GetDirectoryName(course.RootDirectory)!, template))
                )
                {
                    bag.Add(
                        capstone.Location,
                        "capstone.pull_request_template",
                        $"'{template}' does not exist (a path from the repository root)"
                    );
                }
            }
        }

        foreach (var group in course.Modules.Where(m => m.Capstone is not null).GroupBy(m => m.Capstone!.Number).Where(g => g.Count() > 1))
        {
            foreach (var module in group.Skip(1))
            {
                bag.Add(
                    module.Capstone!.Location,
                    "capstone.number",
                    $"duplicate capstone number {group.Key} (also module {group.First().Number})"
                );
            }
        }
    }

    private static void CheckOne(Assessment assessment, string field, DiagnosticBag bag)
    {
        if (assessment.Kind == AssessmentKind.Unknown)
        {
            return;
        }

        var kind = Name(assessment.Kind);
        if (assessment.Grading != Grading.Unknown && !AllowedGrading[assessment.Kind].Contains(assessment.Grading))
        {
            var allowed = string.Join(" or ", AllowedGrading[assessment.Kind].Select(g => g.ToString().ToLowerInvariant()));
            bag.Add(
                assessment.Location,
                $"{field}.grading",
                $"a {kind} is graded {allowed}, not {assessment.Grading.ToString().ToLowerInvariant()}"
            );
        }

        var isQuiz = assessment.Kind is AssessmentKind.Quiz or AssessmentKind.Exam
            || (assessment.Kind == AssessmentKind.KnowledgeCheck && assessment.Grading == Grading.Quiz);
        if (isQuiz)
        {
            if (assessment.Questions is null)
            {
                bag.Add(assessment.Location, $"{field}.questions", $"a {kind} needs its question count (expected a whole number)");
            }

            if (assessment.TimeLimitMinutes is null)
            {
                bag.Add(assessment.Location, $"{field}.time_limit_minutes", $"a {kind} needs a time limit (expected minutes)");
            }
        }
        else
        {
            if (assessment.Questions is not null)
            {
                bag.Add(assessment.Location, $"{field}.questions", $"only quizzes and exams have questions, not a {kind}");
            }

            if (assessment.TimeLimitMinutes is not null)
            {
                bag.Add(assessment.Location, $"{field}.time_limit_minutes", $"only quizzes and exams have a time limit, not a {kind}");
            }
        }

        if (assessment.Kind == AssessmentKind.Exam && assessment.PassPercent is null)
        {
            bag.Add(assessment.Location, $"{field}.pass_percent", "an exam needs its pass mark (expected a percentage)");
        }
        else if (assessment.Kind != AssessmentKind.Exam && assessment.PassPercent is not null)
        {
            bag.Add(
                assessment.Location,
                $"{field}.pass_percent",
                $"only an exam sets its own pass mark, not a {kind} (module quizzes use passing.module.quiz_min_percent)"
            );
        }
    }

    internal static string Name(AssessmentKind kind) => kind switch
    {
        AssessmentKind.KnowledgeCheck => "knowledge-check",
        AssessmentKind.CodeReview => "code-review",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
