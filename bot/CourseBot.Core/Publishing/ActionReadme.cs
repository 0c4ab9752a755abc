using System.Globalization;

namespace CourseBot.Core.Publishing;

/// <summary>The short README of the published Action repository: what it is, who calls it, what it runs.</summary>
internal static class ActionReadme
{
    public static string For(PublishSettings settings) => string.Create(CultureInfo.InvariantCulture, $"""
        # CourseBot grader

        The grading action of the course in this organisation. Learners do not use it directly: their
        repositories call the course's reusable workflow
        (`{settings.Organisation}/{settings.CourseRepository}/{PublishSources.GradeWorkflow}`), which runs this
        action pinned by commit SHA.

        It holds only `action.yml`. That downloads the released grader {settings.Grader.Version} from
        {settings.Grader.ReleaseUrl}, checks its SHA-256 against the value recorded in `action.yml`, and refuses
        to run on a mismatch; it never builds anything from source in a learner's job. Hidden tests,
        reference solutions and quiz keys are not here: the grader fetches a lab's checks from the bot
        with the job's OIDC token, and the bot serves them only to a verified run of the course's workflow.

        Published by `coursebot course publish`; edit the CourseBot repository and publish again rather
        than this repository.

        """);
}
