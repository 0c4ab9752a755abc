namespace CourseBot.Core.Journey;

/// <summary>Who may enroll through the course repository's Enroll form (<c>CourseBot:Journey:Enrollment</c>).</summary>
public enum EnrollmentPolicy
{
    /// <summary>The setting names no policy: nobody enrolls by form until it is fixed (fail closed).</summary>
    Unknown,

    /// <summary><c>org-members</c> (the default): members of the course organisation.</summary>
    OrgMembers,

    /// <summary><c>roster</c>: only learners an instructor queued with <c>coursebot enroll</c>.</summary>
    Roster,

    /// <summary><c>open</c>: anyone who can open an issue in the course repository (a public course).</summary>
    Open,
}
