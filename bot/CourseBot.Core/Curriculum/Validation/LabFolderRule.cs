using CourseBot.Core.Curriculum.Loading;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Validation;

/// <summary>
/// Every lab, and every exercise graded automatically, has its grading folder
/// (<c>modules/NN-id/labs/&lt;assessment-id&gt;/lab.yml</c>); every lab folder belongs to a lab or exercise.
/// Applied once a module has a labs folder, so a course can be written a module at a time.
/// </summary>
internal sealed class LabFolderRule : ICurriculumRule
{
    private const string LabsFolder = CurriculumLoader.LabsFolder;
    private const string LabFile = CurriculumLoader.LabFile;

    public void Check(Course course, DiagnosticBag bag)
    {
        var display = new DisplayPaths(course.RootDirectory);
        foreach (var module in course.Modules)
        {
            var labs = Path.Combine(module.Directory, LabsFolder);
            if (!Directory.Exists(labs))
            {
                continue;
            }

            var graded = module
                .Assessments.Where(a => a.Kind is AssessmentKind.Lab or AssessmentKind.Exercise)
                .ToDictionary(a => a.Id, StringComparer.Ordinal);
            foreach (var assessment in graded.Values.Where(a => a.Kind == AssessmentKind.Lab || a.Grading == Grading.Auto))
            {
                if (!File.Exists(Path.Combine(labs, assessment.Id, LabFile)))
                {
                    bag.Add(
                        assessment.Location,
                        "assessments",
                        $"{AssessmentRule.Name(assessment.Kind)} '{assessment.Id}' has no {LabsFolder}/{assessment.Id}/{LabFile}"
                    );
                }
            }

            foreach (var folder in Directory.EnumerateDirectories(labs).Order(StringComparer.Ordinal))
            {
                var id = Path.GetFileName(folder);
                if (!graded.ContainsKey(id))
                {
                    bag.Add(
                        SourceLocation.OfFile(display.Of(folder) + "/"),
                        "",
                        $"lab folder '{id}' matches no lab or exercise of module {module.Number}"
                    );
                }
            }
        }
    }
}
