namespace CourseBot.Tests.Curriculum;

/// <summary>One failing fixture per rule: each asserts the exact message and its file:line:column.</summary>
public sealed class CurriculumValidatorTests
{
    private const string First = "modules/01-first/module.yml";
    private const string Second = "modules/02-second/module.yml";

    [Fact]
    public void Validate_MinimalFixture_IsValidWithCounts()
    {
        using var fixture = new CurriculumFixture();
        var report = fixture.Validate();
        Assert.Empty(report.Diagnostics);
        Assert.True(report.IsValid);
        var summary = report.Summary!;
        Assert.Equal(
            (2, 1, 4, 2, 5, 1, 1, 2),
            (
                summary.Paths,
                summary.Tracks,
                summary.Modules,
                summary.ModuleQuizzes,
                summary.ModuleQuizQuestions,
                summary.Labs,
                summary.Capstones,
                summary.CertificationLevels
            )
        );
        Assert.Equal(4, Assert.Single(summary.Exams).Questions);
    }

    [Fact]
    public void Validate_MissingTitle_NamesFieldAndExpectation()
    {
        using var fixture = new CurriculumFixture().Edit(First, "title: First Steps\n", "");
        Assert.Equal(
            ["curriculum/modules/01-first/module.yml:1:1: error: title: missing required field (expected text)"],
            fixture.Errors()
        );
    }

    [Fact]
    public void Validate_UnknownField_ListsKnownFields()
    {
        using var fixture = new CurriculumFixture().Edit(First, "hours: 5-10\n", "hours: 5-10\nhomework: none\n");
        var error = Assert.Single(fixture.Errors());
        Assert.StartsWith(
            "curriculum/modules/01-first/module.yml:7:1: error: homework: unknown field (expected one of assessments, capstone, concepts,",
            error,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Validate_UnknownNestedField_NamesItsPath()
    {
        using var fixture = new CurriculumFixture().Edit(First, "    grading: auto\n", "    grading: auto\n    points: 10\n");
        var error = Assert.Single(fixture.Errors());
        Assert.StartsWith(
            "curriculum/modules/01-first/module.yml:31:5: error: assessments[1].points: unknown field (expected one of grading, id, kind",
            error,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Validate_WrongType_SaysWhatWasExpected()
    {
        using var fixture = new CurriculumFixture().Edit(First, "objectives:\n  - Write a task\n", "objectives: Write a task\n");
        Assert.Equal(
            ["curriculum/modules/01-first/module.yml:7:13: error: objectives: expected a list of text, found 'Write a task'"],
            fixture.Errors()
        );
    }

    [Fact]
    public void Validate_BrokenYaml_ReportsSyntaxErrorWithLocation()
    {
        using var fixture = new CurriculumFixture().Edit(First, "objectives:\n", "objectives: [\n");
        var error = Assert.Single(fixture.Errors());
        Assert.StartsWith("curriculum/modules/01-first/module.yml:", error, StringComparison.Ordinal);
        Assert.Contains("error: invalid YAML:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateKey_IsReported()
    {
        using var fixture = new CurriculumFixture().Edit(First, "hours: 5-10\n", "hours: 5-10\nhours: 6-10\n");
        var error = Assert.Single(fixture.Errors());
        Assert.StartsWith("curriculum/modules/01-first/module.yml:7:1: error: invalid YAML: ", error, StringComparison.Ordinal);
        Assert.Contains("Duplicate key", error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(
        "duration: 1 week",
        "duration: 1 fortnight",
        "curriculum/modules/01-first/module.yml:5:11: error: duration: '1 fortnight' is not a duration like '1 week' or '3 days'"
    )]
    [InlineData(
        "duration: 1 week",
        "duration: 2 week",
        "curriculum/modules/01-first/module.yml:5:11: error: duration: '2 week' is not a duration like '1 week' or '3 days'"
    )]
    [InlineData(
        "hours: 5-10",
        "hours: 10-5",
        "curriculum/modules/01-first/module.yml:6:8: error: hours: '10-5' is not an hour range like '10-15'"
    )]
    [InlineData(
        "hours: 5-10",
        "hours: many",
        "curriculum/modules/01-first/module.yml:6:8: error: hours: 'many' is not an hour range like '10-15'"
    )]
    public void Validate_UnparsableDurationOrHours_IsReported(string find, string replace, string expected)
    {
        using var fixture = new CurriculumFixture().Edit(First, find, replace);
        Assert.Equal([expected], fixture.Errors());
    }

    [Fact]
    public void Validate_DuplicateModuleIdAndNumber_PointToFirstDefinition()
    {
        using var fixture = new CurriculumFixture()
            .Edit(Second, "number: 2\nid: second", "number: 1\nid: first")
            .Move("modules/02-second", "modules/01-first-copy");
        var errors = fixture.Errors();
        Assert.Contains(
            "curriculum/modules/01-first-copy/module.yml:1:1: error: id: duplicate module id 'first' (first defined at "
            + "curriculum/modules/01-first/module.yml:1:1)",
            errors
        );
        Assert.Contains(
            "curriculum/modules/01-first-copy/module.yml:1:1: error: number: duplicate module number '1' (first defined at "
            + "curriculum/modules/01-first/module.yml:1:1)",
            errors
        );
        Assert.Contains(
            "curriculum/modules/01-first-copy/module.yml:1:1: error: id: module folder is named '01-first-copy' (expected '01-first')",
            errors
        );
    }

    [Fact]
    public void Validate_BadSlug_IsReported()
    {
        using var fixture = new CurriculumFixture().Edit(First, "  - id: first-lab", "  - id: First_Lab");
        Assert.Equal(
            [
                "curriculum/modules/01-first/module.yml:27:5: error: assessments[].id: 'First_Lab' is not a slug (expected lower-case "
                + "letters and digits joined by single hyphens)",
            ],
            fixture.Errors()
        );
    }

    [Fact]
    public void Validate_PrerequisiteCycle_IsReportedOnceAsACycle()
    {
        using var fixture = new CurriculumFixture().Edit(
            First,
            "prerequisites:\n  knowledge: [Python basics]",
            "prerequisites:\n  modules: [second]"
        );
        Assert.Equal(
            ["curriculum/modules/02-second/module.yml:1:1: error: prerequisites.modules: prerequisite cycle: first -> second -> first"],
            fixture.Errors()
        );
    }

    [Fact]
    public void Validate_PrerequisiteLaterInCourse_IsReported()
    {
        using var fixture = new CurriculumFixture().Edit(Second, "modules: [first]", "modules: [first, third]");
        Assert.Equal(
            [
                "curriculum/modules/02-second/module.yml:1:1: error: prerequisites.modules: 'third' (path 2, track alpha) does not come "
                + "before 'second' (path 1) in the course order",
            ],
            fixture.Errors()
        );
    }

    [Fact]
    public void Validate_UnknownPrerequisites_AreReported()
    {
        using var fixture = new CurriculumFixture()
            .Edit(Second, "modules: [first]", "modules: [zeroth]")
            .Edit("modules/03-third/module.yml", "  paths: [basics]", "  paths: [special]")
            .Edit("modules/04-fourth/module.yml", "any_track: [alpha]", "any_track: [omega]");
        Assert.Equal(
        [
            "curriculum/modules/02-second/module.yml:1:1: error: prerequisites.modules: module 'zeroth' does not exist",
            "curriculum/modules/03-third/module.yml:1:1: error: prerequisites.paths: path 'special' (path 2) must come before path 2",
            "curriculum/modules/04-fourth/module.yml:1:1: error: prerequisites.any_track: track 'omega' does not exist",
        ], fixture.Errors());
    }

    [Fact]
    public void Validate_ModuleNotListedAndListedModuleMissing_AreReported()
    {
        using var fixture = new CurriculumFixture().Edit("course.yml", "      - second\n", "      - sixth\n");
        Assert.Equal(
        [
            "curriculum/course.yml:15:7: error: modules: module 'sixth' does not exist (no modules/NN-sixth/module.yml)",
            "curriculum/modules/02-second/module.yml:1:1: error: id: module 'second' is not listed in any path or track of course.yml",
        ], fixture.Errors());
    }

    [Fact]
    public void Validate_ModuleClaimsWrongPathOrTrack_IsReported()
    {
        using var fixture = new CurriculumFixture().Edit("modules/03-third/module.yml", "track: alpha\n", "");
        Assert.Equal(
            ["curriculum/modules/03-third/module.yml:1:1: error: track: module says no track but course.yml lists it under track 'alpha'"],
            fixture.Errors()
        );
    }

    [Fact]
    public void Validate_QuizContentCountDiffers_IsReported()
    {
        using var fixture = new CurriculumFixture().Edit(First, "    questions: 2\n", "    questions: 3\n");
        Assert.Equal(
            [
                "curriculum/modules/01-first/quizzes/quiz.yml:1:1: error: questions: has 2 questions but "
                + "curriculum/modules/01-first/module.yml declares 3 for 'quiz'",
            ],
            fixture.Errors()
        );
    }

    [Theory]
    [InlineData("    answer: a\n", "    answer: d\n", "questions[0].answer: key 'd' is not among the options (expected one of a, b, c)")]
    [InlineData("    answer: a\n", "    answer: [a, b]\n", "questions[0].answer: a single-choice question has exactly one key letter")]
    [InlineData(
        "    answer: [a, c]",
        "    answer: [a, a]",
        "questions[1].answer: a multiple-choice question lists its key letters once each, e.g. [a, c]"
    )]
    [InlineData(
        "[Redis, The beat scheduler, A database]",
        "[Redis, redis, A database]",
        "questions[1].options: option 'Redis' appears 2 times"
    )]
    [InlineData(
        "[Redis, The beat scheduler, A database]",
        "[Redis, None of the above, A database]",
        "questions[1].options: option 'None of the above' is not allowed: write the options out"
    )]
    [InlineData(
        "    explanation: The broker queues messages; the backend stores results.\n",
        "",
        "questions[0].explanation: missing required field (expected text)"
    )]
    [InlineData(
        "    reference: docs/index.rst\n",
        "    reference: docs/guide.rst\n",
        "questions[0].reference: 'docs/guide.rst' is not a file in the Celery repository (checked against celery-tree.txt)"
    )]
    [InlineData(
        "    reference: docs/index.rst\n",
        "    reference: docs/\n",
        "questions[0].reference: 'docs/' is not a file in the Celery repository (checked against celery-tree.txt)"
    )]
    [InlineData(
        "    reference: https://example.org/backends",
        "    reference: http://example.org/backends",
        "questions[1].reference: 'http://example.org/backends' is not an https URL"
    )]
    [InlineData(
        "Select all that apply.",
        "Select all that apply.\n    accept: ['redis']",
        "questions[1].accept: only short-answer questions have accept patterns, not a multiple-choice question"
    )]
    public void Validate_BadQuizQuestion_IsReported(string find, string replace, string expectedEnd)
    {
        using var fixture = new CurriculumFixture().Edit("modules/01-first/quizzes/quiz.yml", find, replace);
        var error = Assert.Single(fixture.Errors());
        Assert.StartsWith("curriculum/modules/01-first/quizzes/quiz.yml:", error, StringComparison.Ordinal);
        Assert.EndsWith(expectedEnd, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShortAnswerAndTrueFalse_AreChecked()
    {
        using var fixture = new CurriculumFixture()
            .Edit(First, "    questions: 2\n", "    questions: 4\n")
            .Edit("modules/01-first/quizzes/quiz.yml", "questions:\n", """
                questions:
                  - id: ack-setting
                    kind: short
                    prompt: Which setting acknowledges a task after it runs?
                    accept: ['(task_)?acks_late', '(unclosed']
                    explanation: task_acks_late moves the acknowledgement after execution.
                    reference: docs/userguide/tasks.rst
                  - id: eager
                    kind: true-false
                    prompt: Eager mode sends tasks through the broker.
                    answer: maybe
                    explanation: Eager mode runs tasks locally.
                    reference: docs/userguide/tasks.rst

                """);
        var errors = fixture.Errors();
        Assert.Equal(2, errors.Length);
        Assert.Equal(
            "curriculum/modules/01-first/quizzes/quiz.yml:2:5: error: questions[0].accept: '(unclosed' is not a valid pattern: Invalid "
            + "pattern '(unclosed' at offset 9. Not enough )'s.",
            errors[0]
        );
        Assert.Equal(
            "curriculum/modules/01-first/quizzes/quiz.yml:8:5: error: questions[1].answer: a true-false question's key is true or false",
            errors[1]
        );
    }

    [Fact]
    public void Validate_SamePromptTwiceInTheCourse_IsReported()
    {
        using var fixture = new CurriculumFixture().Edit(
            "modules/01-first/quizzes/quiz.yml",
            "Which of these can store task results? Select all that apply.",
            "What carries  task messages from the client to the workers?"
        );
        Assert.Equal(
            [
                "curriculum/modules/01-first/quizzes/quiz.yml:9:5: error: questions[1].prompt: the same question is asked at "
                + "curriculum/modules/01-first/quizzes/quiz.yml:2:5",
            ],
            fixture.Errors()
        );
    }

    [Fact]
    public void Validate_QuizContentForUndeclaredQuiz_IsReported()
    {
        using var fixture = new CurriculumFixture().Write("modules/01-first/quizzes/extra.yml", "questions: []\n");
        Assert.Equal(
            [
                "curriculum/modules/01-first/quizzes/extra.yml:1:1: error: quiz content for 'extra', but module 1 declares no quiz or exam "
                + "with that id",
            ],
            fixture.Errors()
        );
    }

    [Theory]
    [InlineData(
        "celery: docs/index.rst",
        "celery: docs/missing.rst",
        "curriculum/modules/01-first/module.yml:14:13: error: resources.celery: 'docs/missing.rst' is not in the Celery repository "
        + "(checked against celery-tree.txt: Test list of Celery repository files (fixture).)"
    )]
    [InlineData(
        "celery: docs/index.rst",
        "celery: docs/userguide",
        "curriculum/modules/01-first/module.yml:14:13: error: resources.celery: 'docs/userguide' is not in the Celery repository (it is a "
        + "folder: write 'docs/userguide/') (checked against celery-tree.txt: Test list of Celery repository files (fixture).)"
    )]
    [InlineData(
        "celery: docs/index.rst",
        "celery: celery/docs/index.rst",
        "curriculum/modules/01-first/module.yml:14:13: error: resources.celery: 'celery/docs/index.rst' starts with the repository name; "
        + "write the path inside the repository ('docs/index.rst')"
    )]
    [InlineData(
        "url: https://example.org/guide",
        "url: ftp://example.org/guide",
        "curriculum/modules/01-first/module.yml:17:10: error: resources[2].url: 'ftp://example.org/guide' is not an absolute https URL"
    )]
    public void Validate_BadResource_IsReported(string find, string replace, string expected)
    {
        using var fixture = new CurriculumFixture().Edit(First, find, replace);
        Assert.Equal([expected], fixture.Errors());
    }

    [Theory]
    [InlineData(
        "    grading: auto",
        "    grading: quiz",
        "curriculum/modules/01-first/module.yml:27:5: error: assessments[1].grading: a lab is graded auto or review, not quiz"
    )]
    [InlineData(
        "    questions: 2\n",
        "",
        "curriculum/modules/01-first/module.yml:21:5: error: assessments[0].questions: a quiz needs its question count (expected a "
        + "whole number)"
    )]
    [InlineData(
        "    kind: lab",
        "    kind: homework",
        "curriculum/modules/01-first/module.yml:28:11: error: assessments[1].kind: 'homework' is not one of quiz, exam, knowledge-check, "
        + "lab, exercise, project, code-review, demo, review, survey"
    )]
    public void Validate_InconsistentAssessment_IsReported(string find, string replace, string expected)
    {
        using var fixture = new CurriculumFixture().Edit(First, find, replace);
        Assert.Equal([expected], fixture.Errors());
    }

    [Fact]
    public void Validate_QuestionCountNotANumber_IsReported()
    {
        using var fixture = new CurriculumFixture().Edit(First, "    questions: 2", "    questions: two");
        Assert.Equal(
            [
                "curriculum/modules/01-first/module.yml:21:5: error: assessments[0].questions: a quiz needs its question count (expected a "
                + "whole number)",
                "curriculum/modules/01-first/module.yml:25:16: error: assessments[0].questions: expected a whole number, found 'two'",
            ],
            fixture.Errors()
        );
    }

    [Fact]
    public void Validate_LabFolders_MatchTheModulesLabs()
    {
        using var fixture = new CurriculumFixture().Write("modules/01-first/labs/stray-lab/lab.yml", "title: Stray\n");
        Assert.Equal(
        [
            "curriculum/modules/01-first/labs/stray-lab/:1:1: error: lab folder 'stray-lab' matches no lab or exercise of module 1",
            "curriculum/modules/01-first/module.yml:27:5: error: assessments: lab 'first-lab' has no labs/first-lab/lab.yml",
        ], fixture.Errors());
    }

    [Fact]
    public void Validate_CapstoneRubricWeightsAndTemplate_AreChecked()
    {
        using var fixture = new CurriculumFixture().Edit("modules/04-fourth/module.yml", "  brief:\n    - Does everything\n", """
              brief:
                - Does everything
              rubric:
                - criterion: Works
                  weight: 60
                  evidence: A demo
                - criterion: Documented
                  weight: 30
                  evidence: A README
              pull_request_template: templates/missing.md

            """);
        Assert.Equal(
            [
                "curriculum/modules/04-fourth/module.yml:18:3: error: capstone.rubric: rubric weights add up to 90 (expected 100)",
                "curriculum/modules/04-fourth/module.yml:18:3: error: capstone.pull_request_template: 'templates/missing.md' does not "
                + "exist (a path from the repository root)",
            ],
            fixture.Errors()
        );
    }

    [Fact]
    public void Validate_CertificationNamesUnknownPathAndTrack_IsReported()
    {
        using var fixture = new CurriculumFixture().Edit(
            "course.yml",
            "    paths: [basics, special]\n    min_tracks: 1",
            "    paths: [basics, expert]\n    tracks: [omega]"
        );
        Assert.Equal(
        [
            "curriculum/course.yml:52:5: error: paths: path 'expert' does not exist",
            "curriculum/course.yml:52:5: error: tracks: track 'omega' does not exist",
        ], fixture.Errors());
    }

    [Fact]
    public void Validate_MilestoneOutsideCourse_IsReported()
    {
        using var fixture = new CurriculumFixture().Edit("course.yml", "modules: 3-4", "modules: 3-9");
        Assert.Equal(["curriculum/course.yml:65:9: error: modules: modules 3-9 are not all in the course"], fixture.Errors());
    }

    [Fact]
    public void Validate_LessonMissing_IsReported()
    {
        using var fixture = new CurriculumFixture().Delete("modules/03-third/README.md");
        Assert.Equal(["curriculum/modules/03-third/README.md:1:1: error: lesson README.md is missing"], fixture.Errors());
    }

    [Fact]
    public void Validate_LessonSectionsOutOfOrder_IsReported()
    {
        using var fixture = new CurriculumFixture().Edit(
            "modules/02-second/README.md",
            "## Core concepts\n\nNone.\n\n## Resources",
            "## Resources\n\nNone.\n\n## Core concepts"
        );
        Assert.Equal(
            [
                "curriculum/modules/02-second/README.md:7:1: error: sections: expected the sections '## Learning objectives', '## Core "
                + "concepts', '## Resources', '## Assessments' in this order, found '## Learning objectives', '## Resources', '## Core "
                + "concepts', '## Assessments'",
            ],
            fixture.Errors()
        );
    }

    [Fact]
    public void Validate_LessonChecklistDisagreesWithModule_IsReported()
    {
        using var fixture = new CurriculumFixture().Edit(
            "modules/01-first/README.md",
            "- [ ] **Write three tasks**: lab.\n",
            "- [ ] **Write two tasks**: lab.\n"
        );
        Assert.Equal(
            [
                "curriculum/modules/01-first/README.md:21:1: error: assessments: checklist item 2 should start with '**Write three "
                + "tasks**' (found 'Write two tasks')",
            ],
            fixture.Errors()
        );
    }

    [Fact]
    public void Validate_LessonChecklistMissingItem_IsReported()
    {
        using var fixture = new CurriculumFixture().Edit("modules/01-first/README.md", "- [ ] **Write three tasks**: lab.\n", "");
        Assert.Equal(
            [
                "curriculum/modules/01-first/README.md:18:1: error: assessments: no checklist item '- [ ] **Write three tasks**' for "
                + "assessment 'first-lab'",
            ],
            fixture.Errors()
        );
    }

    [Fact]
    public void Validate_LessonBrokenRelativeLink_IsReported()
    {
        using var fixture = new CurriculumFixture().Edit("modules/01-first/README.md", "../02-second/README.md", "../02-secnd/README.md");
        Assert.Equal(
            ["curriculum/modules/01-first/README.md:16:3: error: links: relative link '../02-secnd/README.md' points to nothing"],
            fixture.Errors()
        );
    }

    [Fact]
    public void Validate_LessonTitleDisagrees_IsReported()
    {
        using var fixture = new CurriculumFixture().Edit("modules/01-first/README.md", "# Module 1: First Steps", "# First Steps");
        Assert.Equal(
            ["curriculum/modules/01-first/README.md:1:1: error: title: lesson should start with '# Module 1: First Steps'"],
            fixture.Errors()
        );
    }

    [Fact]
    public void Validate_MissingTitleCycleAndUnknownField_ReportsThreeErrorsInOneRun()
    {
        // The acceptance case of the foundation issue: three problems, three errors, all at once.
        using var fixture = new CurriculumFixture()
            .Edit(First, "title: First Steps\n", "")
            .Edit(First, "prerequisites:\n  knowledge: [Python basics]", "prerequisites:\n  modules: [second]")
            .Edit(First, "hours: 5-10\n", "hours: 5-10\nhomework: none\n");
        var errors = fixture.Errors();
        Assert.Equal(3, errors.Length);
        Assert.Equal("curriculum/modules/01-first/module.yml:1:1: error: title: missing required field (expected text)", errors[0]);
        Assert.StartsWith(
            "curriculum/modules/01-first/module.yml:6:1: error: homework: unknown field",
            errors[1],
            StringComparison.Ordinal
        );
        Assert.Equal(
            "curriculum/modules/02-second/module.yml:1:1: error: prerequisites.modules: prerequisite cycle: first -> second -> first",
            errors[2]
        );
    }
}
