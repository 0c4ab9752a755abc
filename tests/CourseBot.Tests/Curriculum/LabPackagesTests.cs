using CourseBot.Core.Curriculum.Packages;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.LabGrading;

namespace CourseBot.Tests.Curriculum;

/// <summary>
/// Each lab declares the Debian packages its code imports (<c>packages:</c> in lab.yml), curriculum
/// validate proves the declaration against hidden tests, solution and starter, and the bundle the bot
/// serves carries the union so the grading job installs exactly those.
/// </summary>
public sealed class LabPackagesTests : IDisposable
{
    private const string DjangoLab = "django-integration/django-integration-lab";
    private readonly List<CourseCopy> _copies = [];

    public void Dispose() => _copies.ForEach(c => c.Dispose());

    [Fact]
    public void TheCourse_DeclaresPackagesForEveryLab_AndValidates()
    {
        var report = CurriculumValidator.ValidateFolder(RepositoryPaths.Curriculum);

        Assert.True(report.IsValid, string.Join('\n', report.Diagnostics));
        var folders = Directory.GetFiles(Path.Combine(RepositoryPaths.Curriculum, "modules"), "lab.yml", SearchOption.AllDirectories);
        Assert.Equal(folders.Length, report.LabPackages.Length);
        Assert.All(report.LabPackages, lab => Assert.Contains("python3-celery", lab.Packages));
        Assert.Contains("python3-django", report.LabPackages.Single(l => l.Key == DjangoLab).Packages);
        Assert.Contains("python3-gevent", report.LabPackages.Single(l => l.Key == "concurrency-models/concurrency-benchmark-lab").Packages);
    }

    [Fact]
    public void RemovingDjango_FromADjangoLab_NamesTheLabTheFileAndTheImport()
    {
        var curriculum = CopyCourse();
        var labYml = Directory.GetFiles(Path.Combine(curriculum, "modules"), "lab.yml", SearchOption.AllDirectories)
            .Single(f => f.Replace('\\', '/').EndsWith("/labs/django-integration-lab/lab.yml", StringComparison.Ordinal));
        var text = File.ReadAllText(labYml);
        Assert.Contains("python3-django, ", text, StringComparison.Ordinal);
        File.WriteAllText(labYml, text.Replace("python3-django, ", "", StringComparison.Ordinal));

        var errors = CurriculumValidator.ValidateFolder(curriculum).Diagnostics.Select(d => d.ToString()).ToList();

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains($"lab {DjangoLab}: imports 'django'", e, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"templates/learner/labs/{DjangoLab}/orders/models.py:1:1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/labs/django-integration-lab/solution/", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Contains("declare python3-django", e, StringComparison.Ordinal));
    }

    [Fact]
    public void AMissingPackagesField_AndAnUnknownPackage_AreErrors()
    {
        var curriculum = CopyCourse();
        var labYml = Directory.GetFiles(Path.Combine(curriculum, "modules"), "lab.yml", SearchOption.AllDirectories)
            .Single(f => f.Replace('\\', '/').EndsWith("/labs/first-app-lab/lab.yml", StringComparison.Ordinal));
        var text = File.ReadAllText(labYml);
        File.WriteAllText(
            labYml,
            text.Replace("packages: [python3-celery, python3-pytest, python3-redis]\n", "", StringComparison.Ordinal)
        );
        var other = labYml.Replace("first-app-lab", "sync-async-exercise", StringComparison.Ordinal);
        File.WriteAllText(
            other,
            File.ReadAllText(other).Replace("python3-redis]", "python3-redis, python3-nosuch, Not_A_Name]", StringComparison.Ordinal)
        );

        var errors = CurriculumValidator.ValidateFolder(curriculum).Diagnostics.Select(d => d.ToString()).ToList();

        Assert.Contains(errors, e =>
            e.Contains("first-app-lab/lab.yml", StringComparison.Ordinal) && e.Contains("packages", StringComparison.Ordinal)
        );
        Assert.Contains(errors, e =>
            e.Contains("package 'python3-nosuch' is not in packages/debian-python-modules.txt", StringComparison.Ordinal)
        );
        Assert.Contains(errors, e => e.Contains("'Not_A_Name' is not a Debian package name", StringComparison.Ordinal));
    }

    [Fact]
    public void Imports_AreTopLevelModules_AndDocstringsAndRelativeImportsAreNot()
    {
        const string source = """
            '''Import the tasks, then
            import this sentence is prose
            '''
            import os, json as j
            import xml.etree.ElementTree as ET
            from django.db import models
            from . import sibling
                from rest_framework import serializers  # inside a function
            x = "import nothing"
            """;

        var modules = PythonImports.Read(source).Select(i => $"{i.Module}:{i.Line}").ToList();

        Assert.Equal(["os:4", "json:4", "xml:5", "django:6", "rest_framework:8"], modules);
    }

    [Fact]
    public void TheBundle_CarriesTheUnionOfItsLabsPackages()
    {
        var bundle = new GradingBundleBuilder(RepositoryPaths.Curriculum, new LabRulesReader(RepositoryPaths.Curriculum))
            .Build("org/celery-ada", new string('a', 40), [DjangoLab, "concurrency-models/gevent-webcrawler-exercise"]);

        Assert.Equal(["python3-celery", "python3-django", "python3-gevent", "python3-pytest", "python3-redis"], bundle.Packages);
        var json = System.Text.Json.JsonSerializer.Serialize(bundle, GradingBundleJsonContext.Default.GradingBundle);
        Assert.Contains("\"packages\":[\"python3-celery\"", json, StringComparison.Ordinal);
    }

    /// <summary>The course and its starters in a private folder, laid out as in the repository.</summary>
    private string CopyCourse()
    {
        var copy = new CourseCopy();
        _copies.Add(copy);
        return copy.Curriculum;
    }
}
