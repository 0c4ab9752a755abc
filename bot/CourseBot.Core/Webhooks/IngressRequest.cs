namespace CourseBot.Core.Webhooks;

/// <summary>A webhook request as any host sees it: headers (any case), the declared length, and the body.</summary>
public sealed record IngressRequest(IReadOnlyDictionary<string, string> Headers, long? ContentLength, Stream Body);
