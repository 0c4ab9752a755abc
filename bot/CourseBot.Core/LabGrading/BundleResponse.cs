namespace CourseBot.Core.LabGrading;

/// <summary>An HTTP status with either the bundle or the reason for refusing it.</summary>
public sealed record BundleResponse(int Status, GradingBundle? Bundle, string? Error)
{
    public static BundleResponse Refuse(int status, string error) => new(status, null, error);
}
