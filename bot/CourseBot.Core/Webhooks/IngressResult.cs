namespace CourseBot.Core.Webhooks;

/// <summary>The answer to GitHub: a status and a short reason (logged for every refusal).</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Message">Why, in a sentence.</param>
/// <param name="Event">The event name, once the signature proved the request came from GitHub (a metric tag then).</param>
public sealed record IngressResult(int Status, string Message, string? Event = null);
