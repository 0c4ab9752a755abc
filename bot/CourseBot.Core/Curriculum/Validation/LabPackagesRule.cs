using CourseBot.Core.Curriculum.Loading;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Curriculum.Packages;

namespace CourseBot.Core.Curriculum.Validation;

/// <summary>
/// Every module a lab's Python files import (hidden tests, the reference solution, the starter in
/// <c>templates/learner/labs/MODULE/LAB</c>) is the standard library's, the lab's own, the grader's,
/// or provided by a Debian package the lab declares: the grading job installs exactly those, so an
/// undeclared one would be an ImportError on GitHub that the proofs here never see.
/// </summary>
internal sealed class LabPackagesRule : ICurriculumRule
{
    public void Check(Course course, DiagnosticBag bag)
    {
        var labs = LabPackagesReader.ReadAll(course, bag);
        if (labs.Count == 0)
        {
            return;
        }

        if (PythonModuleCatalog.Load(course.RootDirectory) is not { } catalog)
        {
            var lists = $"{Path.GetFileName(course.RootDirectory)}/{PythonModuleCatalog.Folder}/{PythonModuleCatalog.PackagesFile}";
            bag.Add(SourceLocation.OfFile(lists), "",
                "the Python module lists are missing: lab packages cannot be checked (run packages/generate.sh)");
            return;
        }

        var display = new DisplayPaths(course.RootDirectory);
        foreach (var lab in labs)
        {
            foreach (var unknown in lab.Packages.Where(p => !catalog.Knows(p)))
            {
                bag.Add(lab.Location, LabPackagesReader.Field,
                    $"lab {lab.Key}: package '{unknown}' is not in {PythonModuleCatalog.Folder}/{PythonModuleCatalog.PackagesFile}"
                    + " (install it on Debian 12 and run generate.sh)");
            }

            var sources = LabSources.Of(course, lab);
            var own = LabSources.OwnModules(sources);
            foreach (var file in LabSources.PythonFiles(sources))
            {
                foreach (var import in PythonImports.Read(File.ReadAllText(file)).DistinctBy(i => i.Module))
                {
                    if (catalog.IsStdlib(import.Module) || own.Contains(import.Module)
                        || PythonModuleCatalog.GraderModules.Contains(import.Module) || catalog.IsProvided(import.Module, lab.Packages))
                    {
                        continue;
                    }

                    var providers = catalog.Providers(import.Module).Take(3).ToList();
                    var fix = providers.Count == 0 ? "no known Debian package provides it" : $"declare {string.Join(" or ", providers)}";
                    bag.Add(new SourceLocation(display.Of(file), import.Line, 1), LabPackagesReader.Field,
                        $"lab {lab.Key}: imports '{import.Module}', which none of its packages [{string.Join(", ", lab.Packages)}]"
                        + $" provides ({fix})");
                }
            }
        }
    }
}
