using CourseBot.Grading;
using CourseBot.Grading.Labs;
using CourseBot.Grading.Sandbox;

namespace CourseBot.Tests.Grading;

/// <summary><c>lab prove</c>'s warning: a hidden test that reads a key or file the starter writes measures what the learner can
/// forge.</summary>
public sealed class LearnerWrittenStateTests
{
    [Fact]
    public void Find_HiddenTestReadingAnAttemptLogTheStarterKeeps_IsFlagged()
    {
        var root = Directory.CreateTempSubdirectory("coursebot-state-").FullName;
        try
        {
            var hidden = Path.Combine(root, "lab", "hidden");
            var starter = Path.Combine(root, "starter");
            Directory.CreateDirectory(hidden);
            Directory.CreateDirectory(starter);
            File.WriteAllText(Path.Combine(hidden, "test_x.py"), "def attempts(k):\n    return STORE.lrange(f\"flaky:{k}\", 0, -1)\n");
            File.WriteAllText(
                Path.Combine(starter, "service.py"),
                "import redis\n\ndef _attempt(key):\n    return _store.rpush(f\"flaky:{key}\", 1)\n"
            );
            File.WriteAllText(Path.Combine(starter, "tasks.py"), "# reads flaky: only\nprint('flaky:')\n");
            var lab = new LabDefinition(
                "m",
                "l",
                "t",
                ".",
                100,
                null,
                [],
                [],
                hidden,
                CourseBot.Core.Curriculum.Model.SourceLocation.OfFile("lab.yml")
            );

            var finding = Assert.Single(LearnerWrittenState.Find(lab, starter));

            Assert.Equal(("flaky:", "service.py", 4), (finding.Name, finding.StarterFile, finding.Line));
            Assert.StartsWith(
                "warning: a hidden test reads 'flaky:', which the starter's service.py:4 writes",
                finding.ToString(),
                StringComparison.Ordinal
            );
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("task-definition/retry-logic-exercise")]
    [InlineData("distributed-patterns/saga-lab")]
    [InlineData("error-handling-logging/failure-scenarios-lab")]
    [InlineData("advanced-error-handling/error-recovery-exercise")]
    [InlineData("distributed-patterns/split-brain-exercise")]
    public void Find_LabsWhoseHiddenTestsOwnWhatTheyMeasure_AreNotFlagged(string key)
    {
        var lab = LabReader.Find(RepositoryPaths.Curriculum, key).Lab!;
        var starter = new LabProof(RepositoryPaths.Root, new Grader(new SandboxOptions(), new GradingEnvironment())).StarterOf(lab);
        Assert.True(Directory.Exists(starter));
        Assert.Empty(LearnerWrittenState.Find(lab, starter));
    }
}
