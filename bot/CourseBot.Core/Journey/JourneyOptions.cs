namespace CourseBot.Core.Journey;

/// <summary>How the bot runs the learner journey in an organisation (<c>CourseBot:Journey</c>).</summary>
public sealed class JourneyOptions
{
    public const string Section = "CourseBot:Journey";

    /// <summary>The organisation's course repository, <c>owner/name</c>: where the Enroll issue form lives.</summary>
    public string CourseRepository { get; set; } = "";

    /// <summary>The template repository learner repositories are generated from (<c>templates/learner/</c> published as a template), <c>owner/name</c>.</summary>
    public string TemplateRepository { get; set; } = "";

    /// <summary>Learner repositories are named <c>{prefix}{login}</c> in the course repository's organisation.</summary>
    public string RepositoryPrefix { get; set; } = "celery-";

    /// <summary>The organisation team (slug) whose members may run instructor commands (<c>/approve</c>, <c>/place</c>).</summary>
    public string InstructorsTeam { get; set; } = "instructors";

    /// <summary>
    /// What the instructors team may do in each learner repository, given at setup so it can review capstone pull
    /// requests in private repositories: <c>pull</c>, <c>triage</c> (default: read, plus review requests and labels),
    /// <c>push</c>, <c>maintain</c> or <c>admin</c>.
    /// </summary>
    public string InstructorsTeamPermission { get; set; } = "triage";

    /// <summary>The App's installation on the course organisation, for work that does not come with one (roster enrollment); 0: looked up.</summary>
    public long InstallationId { get; set; }

    /// <summary>Who may enroll by the Enroll form: <c>org-members</c> (default), <c>roster</c> or <c>open</c>.</summary>
    public string Enrollment { get; set; } = "org-members";

    /// <summary><see cref="Enrollment"/> read; a value that is none of the three closes form enrollment rather than guessing.</summary>
    public EnrollmentPolicy EnrollmentPolicy => Enrollment.Trim().ToLowerInvariant() switch
    {
        "org-members" => EnrollmentPolicy.OrgMembers,
        "roster" => EnrollmentPolicy.Roster,
        "open" => EnrollmentPolicy.Open,
        _ => EnrollmentPolicy.Unknown,
    };

    /// <summary>The pace used when an enrollment does not name one.</summary>
    public string DefaultPace { get; set; } = "part-time";

    /// <summary>How long after a failed attempt a quiz can be taken again.</summary>
    public TimeSpan QuizCooldown { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Extra time after a quiz's limit before a submission counts as late (GitHub's own delivery takes seconds).</summary>
    public TimeSpan QuizGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>After this many counted attempts, explanations are shown even without a pass.</summary>
    public int ExplanationsAfterAttempts { get; set; } = 3;

    /// <summary>How long one handler waits for a generated repository before leaving the work to a retry.</summary>
    public TimeSpan GenerationWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long the reconciler leaves work to the normal path before repairing it (an unfinished setup, a push without a result).</summary>
    public TimeSpan RepairAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often <c>coursebot serve</c> runs the reconciler (the Functions host's timer has its own schedule).</summary>
    public TimeSpan ReconcileEvery { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsConfigured => CourseRepository.Contains('/', StringComparison.Ordinal) && TemplateRepository.Contains('/', StringComparison.Ordinal);

    public string CourseOwner => CourseRepository.Split('/')[0];
}
