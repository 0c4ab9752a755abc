using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Packages;

/// <summary>
/// The Debian packages a lab's <c>lab.yml</c> declares under <c>packages:</c>: what the grading job
/// installs before it grades the lab (<c>module/lab</c>, as in results and bundles).
/// </summary>
public sealed record LabPackages(string Module, string Lab, string Directory, ImmutableArray<string> Packages, SourceLocation Location)
{
    public string Key => $"{Module}/{Lab}";
}
