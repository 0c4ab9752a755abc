namespace CourseBot.Tests.Credentials;

/// <summary>A schema check's result for assertions: valid when there is no error.</summary>
internal sealed record ValidationOutcome(IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
