using System.ComponentModel.DataAnnotations;

namespace CourseBot.Core;

/// <summary>Settings of the bot itself, under <c>CourseBot</c>, that no narrower section owns.</summary>
public sealed class CourseBotOptions
{
    public const string Section = "CourseBot";

    /// <summary>
    /// The curriculum folder the course is read from (<c>CourseBot:CurriculumPath</c>). Default: <c>curriculum</c>
    /// beside the app, where the Functions host deploys it. <c>coursebot serve</c> validates its <c>--curriculum</c>
    /// folder before it builds the host and hands that course over instead.
    /// </summary>
    [Required(ErrorMessage = Section + ":CurriculumPath is empty: name the curriculum folder")]
    public string CurriculumPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "curriculum");
}
