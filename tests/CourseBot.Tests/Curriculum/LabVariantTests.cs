using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.LabGrading;

namespace CourseBot.Tests.Curriculum;

/// <summary>
/// Proof variants (<c>wrong/NAME/</c>, <c>alt/NAME/</c>) beside a lab's solution: curriculum validate accepts them and
/// checks their proof.yml (file, line and field on each error), their imports count for the lab's packages, and
/// neither they nor a proof.yml ever enter the grading bundle the bot serves to a learner's job.
/// </summary>
public sealed class LabVariantTests : IDisposable
{
    private const string Lab = "first-app-lab";
    private readonly CourseCopy _course = new();

    public void Dispose() => _course.Dispose();

    [Fact]
    public void WellFormedVariants_Validate()
    {
        var folder = _course.LabFolder(Lab);
        var check = CheckNameOf(folder);
        CourseCopy.Write(folder, "wrong/skips-the-task/tasks.py", "print('nothing')\n");
        CourseCopy.Write(folder, "wrong/skips-the-task/proof.yml", $"why: defines no task\ncaught_by: [{check}]\n");
        CourseCopy.Write(folder, "alt/other-names/tasks.py", "print('complete')\n");
        CourseCopy.Write(folder, "alt/other-names/proof.yml", "why: other names\n");

        var report = CurriculumValidator.ValidateFolder(_course.Curriculum);

        Assert.True(report.IsValid, string.Join('\n', report.Diagnostics));
    }

    [Fact]
    public void BadProofFiles_AreErrors_NamingFileLineAndField()
    {
        var folder = _course.LabFolder(Lab);
        CourseCopy.Write(folder, "wrong/Not_Kebab/tasks.py", "x = 1\n");
        CourseCopy.Write(folder, "wrong/no-such-check/tasks.py", "x = 1\n");
        CourseCopy.Write(folder, "wrong/no-such-check/proof.yml", "why: blames a check the lab lacks\ncaught_by: [no such check]\n");
        CourseCopy.Write(folder, "wrong/extra-field/tasks.py", "x = 1\n");
        CourseCopy.Write(folder, "wrong/extra-field/proof.yml", "why: has a typo\ncaugth_by: [x]\n");
        CourseCopy.Write(folder, "wrong/empty/proof.yml", "why: nothing to grade\n");
        CourseCopy.Write(folder, "alt/caught/tasks.py", "x = 1\n");
        CourseCopy.Write(folder, "alt/caught/proof.yml", "why: right work\ncaught_by: [x]\n");
        CourseCopy.Write(folder, "alt/stray.py", "x = 1\n");
        CourseCopy.Write(folder, "alt/imports-django/tasks.py", "import django\n");

        var errors = CurriculumValidator.ValidateFolder(_course.Curriculum).Diagnostics.Select(d => d.ToString()).ToList();

        var labPath = "curriculum/" + Path.GetRelativePath(_course.Curriculum, folder).Replace('\\', '/');
        Assert.Contains(errors, e =>
            e.StartsWith($"{labPath}/wrong/Not_Kebab/:1:1", StringComparison.Ordinal) && e.Contains("kebab-case", StringComparison.Ordinal)
        );
        Assert.Contains(errors, e =>
            e.StartsWith($"{labPath}/wrong/no-such-check/proof.yml:2:", StringComparison.Ordinal)
            && e.Contains("caught_by", StringComparison.Ordinal)
            && e.Contains("'no such check' is no check of first-app-lab/lab.yml", StringComparison.Ordinal)
        );
        Assert.Contains(errors, e =>
            e.StartsWith($"{labPath}/wrong/extra-field/proof.yml:2:", StringComparison.Ordinal)
            && e.Contains("caugth_by", StringComparison.Ordinal)
        );
        Assert.Contains(errors, e =>
            e.StartsWith($"{labPath}/wrong/empty/:1:1", StringComparison.Ordinal) && e.Contains("holds no files", StringComparison.Ordinal)
        );
        Assert.Contains(errors, e =>
            e.StartsWith($"{labPath}/alt/caught/proof.yml:2:", StringComparison.Ordinal)
            && e.Contains("only wrong/ variants are caught", StringComparison.Ordinal)
        );
        Assert.Contains(errors, e => e.StartsWith($"{labPath}/alt/stray.py:1:1", StringComparison.Ordinal));
        Assert.Contains(errors, e =>
            e.StartsWith($"{labPath}/alt/imports-django/tasks.py:1:1", StringComparison.Ordinal)
            && e.Contains("imports 'django'", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void TheGradingBundle_CarriesNoVariantAndNoProofFile()
    {
        var folder = _course.LabFolder(Lab);
        CourseCopy.Write(folder, "wrong/skips-the-task/tasks.py", "WRONG_VARIANT = 1\n");
        CourseCopy.Write(folder, "wrong/skips-the-task/proof.yml", "why: defines no task\n");
        CourseCopy.Write(folder, "alt/other-names/tasks.py", "ALT_VARIANT = 1\n");
        var key = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(folder))!)[3..] + "/" + Lab;

        var bundle = new GradingBundleBuilder(_course.Curriculum, new LabRulesReader(_course.Curriculum)).Build(
            "org/celery-ada",
            new string('a', 40),
            [key]
        );

        var files = Assert.Single(bundle.Labs).Files;
        Assert.Contains("lab.yml", files.Keys);
        Assert.All(files.Keys, f => Assert.True(f == "lab.yml" || f.StartsWith("hidden/", StringComparison.Ordinal), f));
        Assert.DoesNotContain(files.Values, v =>
            v.Contains("WRONG_VARIANT", StringComparison.Ordinal) || v.Contains("ALT_VARIANT", StringComparison.Ordinal)
        );
    }

    private static string CheckNameOf(string folder) =>
        File.ReadLines(Path.Combine(folder, "lab.yml"))
            .Select(l => l.Trim())
            .First(l => l.StartsWith("- name:", StringComparison.Ordinal))["- name:".Length..]
            .Trim();
}
