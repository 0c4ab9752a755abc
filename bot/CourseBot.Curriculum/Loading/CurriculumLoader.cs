using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Loading;

/// <summary>
/// Loads <c>course.yml</c> and every <c>modules/*/module.yml</c> (with its lesson) into immutable
/// records. Problems are collected, never thrown: the result always carries what could be read, so
/// validation can run on it and report everything in one pass.
/// </summary>
public static class CurriculumLoader
{
    public const string CourseFile = "course.yml";
    public const string ModulesFolder = "modules";
    public const string ModuleFile = "module.yml";
    public const string LessonFile = "README.md";
    public const string QuizzesFolder = "quizzes";

    /// <summary>Lab grading folders: <c>modules/NN-id/labs/&lt;assessment-id&gt;/{lab.yml, hidden/, solution/, wrong/, alt/}</c>.</summary>
    public const string LabsFolder = "labs";
    public const string LabFile = "lab.yml";
    public const string HiddenFolder = "hidden";
    public const string SolutionFolder = "solution";

    /// <summary>Proof variants beside <c>solution/</c>: <c>wrong/NAME/</c> must fail, <c>alt/NAME/</c> must score full marks.</summary>
    public const string WrongFolder = "wrong";
    public const string AltFolder = "alt";

    /// <summary>A variant's note for the proof (<c>why</c>, <c>caught_by</c>); never copied into a graded workspace.</summary>
    public const string ProofFile = "proof.yml";

    public static CurriculumLoadResult Load(string rootDirectory)
    {
        var root = Path.GetFullPath(rootDirectory);
        var bag = new DiagnosticBag();
        var display = new DisplayPaths(root);

        if (!Directory.Exists(root))
        {
            bag.Add(SourceLocation.OfFile(rootDirectory), "", "curriculum folder not found");
            return new CurriculumLoadResult(null, bag.Items.ToImmutableArray());
        }

        var unreadable = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var modules = LoadModules(root, display, bag, unreadable);
        var coursePath = Path.Combine(root, CourseFile);
        Course? course = null;
        if (!File.Exists(coursePath))
        {
            bag.Add(SourceLocation.OfFile(display.Of(coursePath)), "", "course.yml not found");
        }
        else if (YamlDocumentReader.ReadMapping(coursePath, display.Of(coursePath), bag) is { } reader)
        {
            course = CourseReader.Read(reader, modules, root) with { UnreadableModules = unreadable.ToImmutable() };
        }

        return new CurriculumLoadResult(course, bag.Items.ToImmutableArray());
    }

    private static ImmutableArray<Module> LoadModules(
        string root,
        DisplayPaths display,
        DiagnosticBag bag,
        ImmutableHashSet<string>.Builder unreadable
    )
    {
        var folder = Path.Combine(root, ModulesFolder);
        if (!Directory.Exists(folder))
        {
            bag.Add(SourceLocation.OfFile(display.Of(folder)), "", "modules folder not found");
            return [];
        }

        var modules = ImmutableArray.CreateBuilder<Module>();
        foreach (var directory in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(directory, ModuleFile);
            if (!File.Exists(file))
            {
                bag.Add(SourceLocation.OfFile(display.Of(directory) + "/"), "", "module folder has no module.yml");
                continue;
            }

            if (YamlDocumentReader.ReadMapping(file, display.Of(file), bag) is { } reader)
            {
                var lessonPath = Path.Combine(directory, LessonFile);
                var lesson = File.Exists(lessonPath) ? File.ReadAllText(lessonPath) : null;
                modules.Add(ModuleReader.Read(reader, directory, lesson, LoadQuizzes(directory, display, bag)));
            }
            else
            {
                // "NN-id": remember the id so references to it are not reported a second time.
                unreadable.Add(ModuleIdOf(directory));
            }
        }

        return modules.ToImmutable();
    }

    /// <summary>The module id a module folder is named after (<c>modules/NN-id</c>).</summary>
    public static string ModuleIdOf(string moduleDirectory)
    {
        var name = Path.GetFileName(moduleDirectory.TrimEnd('/', '\\'));
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash >= 0 ? name[(dash + 1)..] : name;
    }

    private static ImmutableArray<Quiz> LoadQuizzes(string moduleDirectory, DisplayPaths display, DiagnosticBag bag)
    {
        var folder = Path.Combine(moduleDirectory, QuizzesFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var quizzes = ImmutableArray.CreateBuilder<Quiz>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yml").Order(StringComparer.Ordinal))
        {
            if (YamlDocumentReader.ReadMapping(file, display.Of(file), bag) is { } reader)
            {
                quizzes.Add(QuizReader.Read(reader, Path.GetFileNameWithoutExtension(file)));
            }
        }

        return quizzes.ToImmutable();
    }
}
