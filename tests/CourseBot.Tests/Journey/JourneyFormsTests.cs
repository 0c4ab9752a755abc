using CourseBot.Cli.Commands;
using CourseBot.Core.Journey.Commands;
using CourseBot.Core.Journey.Forms;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Writing;
using CourseBot.Core.Storage;
using Markdig;

namespace CourseBot.Tests.Journey;

/// <summary>The enrollment form and rosters, commands, and the Markdown the bot writes around learner text.</summary>
public sealed class JourneyFormsTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void EnrollForm_OffersEveryPathAndPace_AndEachChoiceEnrolls()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "templates", "course", ".github", "ISSUE_TEMPLATE", "enroll.yml"));
        var form = IssueForm.Parse(yaml);
        var paths = form.Fields.Single(f => f.Id == "path").Options;
        var paces = form.Fields.Single(f => f.Id == "pace").Options;
        Assert.Equal(CeleryCourse.Course.Paths.Length, paths.Count);
        Assert.Equal(CeleryCourse.Course.Paces.Length, paces.Count);
        for (var i = 0; i < paths.Count; i++)
        {
            var body = IssueFormRenderer.Render(
                yaml,
                new Dictionary<string, IReadOnlyList<string>>
                {
                    ["path"] = [paths[i]],
                    ["pace"] = [paces[i % paces.Count]],
                    ["start"] = ["2026-12-01"],
                }
            );
            var (request, problems) = EnrollmentRequest.FromForm(CeleryCourse.Course, "ada", body, Today, "part-time");
            Assert.Empty(problems);
            Assert.Equal(CeleryCourse.Course.Paths[i].Id, request!.PathId);
            Assert.Equal(CeleryCourse.Course.Paces[i % paces.Count].Id, request.PaceId);
            Assert.Equal(new DateOnly(2026, 12, 1), request.Start);
        }

        var blankStart = IssueFormRenderer.Render(
            yaml,
            new Dictionary<string, IReadOnlyList<string>> { ["path"] = [paths[0]], ["pace"] = [paces[0]] }
        );
        Assert.Equal(Today, EnrollmentRequest.FromForm(CeleryCourse.Course, "ada", blankStart, Today, "part-time").Request!.Start);
    }

    [Theory]
    [InlineData("", "choose a path")]
    [InlineData("### Path\n\nPath 7: Rust\n\n### Pace\n\nPart-time (most learners)", "choose a path")]
    [InlineData("### Path\n\nfundamentals\n\n### Pace\n\nleisurely", "choose a pace")]
    [InlineData("### Path\n\nfundamentals\n\n### Start date\n\n`rm -rf` tomorrow", "YYYY-MM-DD")]
    public void EnrollForm_BadAnswers_AreExplained(string body, string expected)
    {
        var (request, problems) = EnrollmentRequest.FromForm(CeleryCourse.Course, "ada", body, Today, "part-time");
        Assert.Null(request);
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains('`') && p.Contains("rm -rf`", StringComparison.Ordinal));
    }

    [Fact]
    public void Roster_ClassroomExport_IsRead_WithProblemsByLine()
    {
        const string Csv = "identifier,github_username,github_id,name\r\n" +
            "ada@example.edu,ada,101,\"Lovelace, Ada\"\r\n" +
            "bob@example.edu,,,\"Bob\"\r\n" +
            "eve@example.edu,-eve-,103,Eve\r\n" +
            "ada2@example.edu,ADA,101,\"Ada again\"\r\n" +
            "grace@example.edu,grace-h,104,\"Hopper, \"\"Amazing\"\" Grace\"\r\n";
        var (rows, problems) = ClassroomRoster.Read(Csv);
        Assert.Equal(["ada", "grace-h"], rows.Select(r => r.Login));
        Assert.Equal(6, rows[1].Line);
        Assert.Equal(2, problems.Count);
        Assert.Contains("line 3: no GitHub account yet (bob@example.edu)", problems[0], StringComparison.Ordinal);
        Assert.Contains("line 4: '-eve-' is not a GitHub login", problems[1], StringComparison.Ordinal);
        Assert.Single(ClassroomRoster.Read("name,email\nx,y").Problems, p => p.Contains("github_username", StringComparison.Ordinal));
    }

    [Fact]
    public void Roster_PathPaceAndStartColumns_AreChecked()
    {
        const string Csv =
            "github_username,path,pace,start\nada,,,\nbob,expert,full-time,2027-01-04\ncyd,rust,,\ndee,,hurried,\neve,,,soon\n";
        var (requests, problems) = EnrollCommandLine.Requests(
            CeleryCourse.Course,
            Csv,
            new EnrollCommandLine.Defaults("fundamentals", "part-time", null, Today),
            "spring"
        );
        Assert.Equal(["ada", "bob"], requests.Select(r => r.Login));
        Assert.Equal(
            ("fundamentals", "part-time", Today, "spring"),
            (requests[0].PathId, requests[0].PaceId, requests[0].Start, requests[0].Cohort)
        );
        Assert.Equal(("expert", "full-time", new DateOnly(2027, 1, 4)), (requests[1].PathId, requests[1].PaceId, requests[1].Start));
        Assert.Equal(
            ["line 4: no path 'rust'", "line 5: no pace 'hurried'", "line 6: start 'soon'"],
            problems.Select(p => string.Join(' ', p.Split(' ').Take(p.StartsWith("line 6", StringComparison.Ordinal) ? 4 : 5)))
        );
    }

    [Theory]
    [InlineData("/quiz", CommandKind.Quiz, null)]
    [InlineData("Thanks!\n  /approve docker-environment-exercise  \n", CommandKind.Approve, "docker-environment-exercise")]
    [InlineData("/HELP me", CommandKind.Help, "me")]
    [InlineData("/exam final-exam", CommandKind.Quiz, "final-exam")]
    [InlineData("/recheck\n/quiz", CommandKind.Recheck, null)]
    public void Commands_AreReadFromTheFirstCommandLine(string comment, CommandKind kind, string? argument)
    {
        var command = LearnerCommand.Parse(comment);
        Assert.Equal(new LearnerCommand(kind, argument), command);
    }

    [Theory]
    [InlineData("> /quiz")]
    [InlineData("please run the /quiz")]
    [InlineData("/deploy now")]
    [InlineData("/")]
    [InlineData(null)]
    public void Commands_QuotedInlineOrUnknown_AreNotCommands(string? comment) => Assert.Null(LearnerCommand.Parse(comment));

    [Fact]
    public void MarkedSection_ReplacesOnlyBetweenTheMarkers_OrAppendsThem()
    {
        var readme = $"# Mine\n\nmy notes\n{MarkedSection.Start}\nold\n{MarkedSection.End}\n\n## More of mine\n";
        Assert.Equal(
            $"# Mine\n\nmy notes\n{MarkedSection.Start}\nnew\n{MarkedSection.End}\n\n## More of mine\n",
            MarkedSection.Replace(readme, "new\n")
        );
        Assert.Equal($"# Mine\n\n{MarkedSection.Start}\nnew\n{MarkedSection.End}\n", MarkedSection.Replace("# Mine\n", "new"));
        Assert.Equal(
            $"# Mine {MarkedSection.End}\n\n{MarkedSection.Start}\nnew\n{MarkedSection.End}\n",
            MarkedSection.Replace($"# Mine {MarkedSection.End}", "new")
        );
    }

    [Fact]
    public void ResultsComment_ShowsGraderMessagesAsText()
    {
        var module = CeleryCourse.Course.FindModule("first-celery-app")!;
        const string Recorded = """
            {"score":5,"max_score":7,"passed":false,"sha":"8fb8238aa","run_id":"77","isolated":true,
             "result":{"tests":[{"name":"tasks | <img src=x onerror=alert(1)>","kind":"celery","status":"failed","score":0,"max_score":6,
               "message":"add(2, 2) returned <b>5</b> @grace #12 ![x](http://evil/x.png)\n| injected | row |"}]}}
            """;
        var at = Today.ToDateTime(TimeOnly.MinValue);
        var run = LearnerEventJson.Read<LabGraded>(new LearnerEvent(1, "org/ada", LearnerEventKinds.LabGraded, "x/y", at, Recorded))!;
        var latest = new Dictionary<string, LabGraded> { ["first-celery-app/first-app-lab"] = run };
        var markdown = ResultsCommentWriter.Write(module, latest, "https://github.com/academy/celery-ada");
        var html = Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@grace", markdown, StringComparison.Ordinal); // no mention notifies anyone
        Assert.Contains("&lt;b&gt;5&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<tr>").Length - 1); // header and one row: the newline did not start a row
        Assert.Contains(
            "Not graded yet: push your work in `labs/first-celery-app/sync-async-exercise/`",
            markdown,
            StringComparison.Ordinal
        );
    }

}
