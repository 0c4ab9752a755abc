using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Validation;

/// <summary>Every Celery repository path a module cites is in the tree list, so no lesson links to nothing.</summary>
internal sealed class CeleryReferenceRule(CeleryTree tree) : ICurriculumRule
{
    public void Check(Course course, DiagnosticBag bag)
    {
        foreach (var resource in course.Modules.SelectMany(m => m.Resources).OfType<CeleryResource>())
        {
            if (resource.RepositoryPath.StartsWith("celery/docs/", StringComparison.Ordinal)
                || resource.RepositoryPath.StartsWith("celery/examples/", StringComparison.Ordinal))
            {
                bag.Add(
                    resource.Location,
                    "resources.celery",
                    $"'{resource.RepositoryPath}' starts with the repository name; write the path inside the repository "
                    + $"('{resource.RepositoryPath["celery/".Length..]}')"
                );
            }
            else if (!tree.Contains(resource.RepositoryPath))
            {
                var hint =
                    !resource.IsFolder && tree.Contains(resource.RepositoryPath + "/")
                        ? $" (it is a folder: write '{resource.RepositoryPath}/')"
                        : "";
                bag.Add(
                    resource.Location,
                    "resources.celery",
                    $"'{resource.RepositoryPath}' is not in the Celery repository{hint} (checked against {CeleryTree.FileName}: "
                    + $"{tree.Source})"
                );
            }
        }
    }
}
