using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Progression;

/// <summary>A certification level the learner has earned (per-path levels carry the path).</summary>
public sealed record EarnedCertificate(Certification Certification, string? PathId, DateTimeOffset At)
{
    /// <summary>Stable key: <c>completion-fundamentals</c>, <c>professional</c>, ...</summary>
    public string Key => PathId is null ? Certification.Id : $"{Certification.Id}-{PathId}";
}
