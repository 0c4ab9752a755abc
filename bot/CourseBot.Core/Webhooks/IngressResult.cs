namespace CourseBot.Core.Webhooks;

/// <summary>The answer to GitHub: a status and a short reason (logged for every refusal).</summary>
public sealed record IngressResult(int Status, string Message);
