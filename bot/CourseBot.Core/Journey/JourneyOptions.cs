using System.ComponentModel.DataAnnotations;

namespace CourseBot.Core.Journey;

/// <summary>How the bot runs the learner journey in an organisation (<c>CourseBot:Journey</c>).</summary>
public sealed class JourneyOptions
{
    public const string Section = "CourseBot:Journey";

    /// <summary>
    /// The organisation's course repository, <c>owner/name</c>: where the Enroll issue form lives. Default: empty (no journey).
    /// </summary>
    public string CourseRepository { get; set; } = "";

    /// <summary>
    /// The template repository learner repositories are generated from (<c>templates/learner/</c> published as a template),
    /// <c>owner/name</c>. Default: empty (no journey).
    /// </summary>
    public string TemplateRepository { get; set; } = "";

    /// <summary>
    /// Learner repositories are named <c>{prefix}{login}</c> in the course repository's organisation. Default: <c>celery-</c>.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9._-]{0,40}$",
        ErrorMessage = Section + ":RepositoryPrefix may hold only letters, digits, '.', '_' and '-' (at most 40)")]
    public string RepositoryPrefix { get; set; } = "celery-";

    /// <summary>
    /// The organisation team (slug) whose members may run instructor commands (<c>/approve</c>, <c>/place</c>). Default:
    /// <c>instructors</c>.
    /// </summary>
    public string InstructorsTeam { get; set; } = "instructors";

    /// <summary>
    /// What the instructors team may do in each learner repository, given at setup so it can review capstone pull
    /// requests in private repositories: <c>pull</c>, <c>triage</c> (default: read, plus review requests and labels),
    /// <c>push</c>, <c>maintain</c> or <c>admin</c>.
    /// </summary>
    [RegularExpression("^(pull|triage|push|maintain|admin)$",
        ErrorMessage = Section + ":InstructorsTeamPermission must be pull, triage, push, maintain or admin")]
    public string InstructorsTeamPermission { get; set; } = "triage";

    /// <summary>
    /// The App's installation on the course organisation, for work that does not come with one (roster enrollment). Default: 0,
    /// looked up.
    /// </summary>
    [Range(0, long.MaxValue, ErrorMessage = Section + ":InstallationId must not be negative")]
    public long InstallationId { get; set; }

    /// <summary>Who may enroll by the Enroll form: <c>org-members</c> (the default), <c>roster</c> or <c>open</c>.
    /// Not validated at start on purpose: any other value closes form enrollment (see <see cref="EnrollmentPolicy"/>).</summary>
    public string Enrollment { get; set; } = "org-members";

    /// <summary><see cref="Enrollment"/> read; a value that is none of the three closes form enrollment rather than guessing.</summary>
    public EnrollmentPolicy EnrollmentPolicy => Enrollment.Trim().ToLowerInvariant() switch
    {
        "org-members" => EnrollmentPolicy.OrgMembers,
        "roster" => EnrollmentPolicy.Roster,
        "open" => EnrollmentPolicy.Open,
        _ => EnrollmentPolicy.Unknown,
    };

    /// <summary>The pace used when an enrollment does not name one. Default: <c>part-time</c>.</summary>
    [Required(ErrorMessage = Section + ":DefaultPace is empty: name one of the course's paces")]
    public string DefaultPace { get; set; } = "part-time";

    /// <summary>How long after a failed attempt a quiz can be taken again. Default: 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = Section + ":QuizCooldown must be from {1} to {2}")]
    public TimeSpan QuizCooldown { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Extra time after a quiz's limit before a submission counts as late (GitHub's own delivery takes seconds). Default: 2 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = Section + ":QuizGrace must be from {1} to {2}")]
    public TimeSpan QuizGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>After this many counted attempts, explanations are shown even without a pass. Default: 3.</summary>
    [Range(1, 100, ErrorMessage = Section + ":ExplanationsAfterAttempts must be from {1} to {2}")]
    public int ExplanationsAfterAttempts { get; set; } = 3;

    /// <summary>How long one handler waits for a generated repository before leaving the work to a retry. Default: 20 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = Section + ":GenerationWait must be from {1} to {2}")]
    public TimeSpan GenerationWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long the reconciler leaves work to the normal path before repairing it (an unfinished setup, a push without a result).
    /// Default: 30 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = Section + ":RepairAfter must be from {1} to {2}")]
    public TimeSpan RepairAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How often <c>coursebot serve</c> runs the reconciler (the Functions host's timer has its own schedule). Default: 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = Section + ":ReconcileEvery must be from {1} to {2}")]
    public TimeSpan ReconcileEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// When a module is this many days overdue, the reconciler posts one reminder in its issue (once per module and
    /// threshold): days, comma-separated. Empty: no reminders (the README's overdue mark is still refreshed daily).
    /// Default: <c>3,10</c>.
    /// </summary>
    [RegularExpression(
        @"^\s*(\d{1,3}\s*(,\s*\d{1,3}\s*)*)?$",
        ErrorMessage = Section + ":OverdueReminders must be days, comma-separated (3,10)"
    )]
    public string OverdueReminders { get; set; } = "3,10";

    /// <summary><see cref="OverdueReminders"/> read: the thresholds in days, ascending, each at least 1.</summary>
    public IReadOnlyList<int> OverdueReminderDays => [.. OverdueReminders
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(d => int.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).Where(d => d >= 1).Distinct().Order()];

    public bool IsConfigured =>
        CourseRepository.Contains('/', StringComparison.Ordinal) && TemplateRepository.Contains('/', StringComparison.Ordinal);

    public string CourseOwner => CourseRepository.Split('/')[0];

    /// <summary>
    /// How many peers from the author's cohort are asked to review a capstone pull request. Default: 2; 0 turns peer review off.
    /// </summary>
    [Range(0, 10, ErrorMessage = Section + ":PeerReviewers must be from {1} to {2}")]
    public int PeerReviewers { get; set; } = 2;

    /// <summary>
    /// A peer's review counts when it names every rubric criterion, or when its text is at least this many characters. Default: 200.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = Section + ":PeerReviewMinLength must be from {1} to {2}")]
    public int PeerReviewMinLength { get; set; } = 200;

    /// <summary>
    /// How long a capstone pull request ready for review waits for peers from the cohort to reach its module before the bot says
    /// no peer is available and the instructors' review stands in; until then the reconciler tries again (hourly). Default: 3 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "60.00:00:00", ErrorMessage = Section + ":PeerWait must be from {1} to {2}")]
    public TimeSpan PeerWait { get; set; } = TimeSpan.FromDays(3);
}
