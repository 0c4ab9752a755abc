namespace CourseBot.Core.Journey;

/// <summary>A push (from the <c>push</c> webhook): enough to follow the default branch without asking GitHub.</summary>
public sealed record PushReceived(string Repository, string Ref, string Before, string After, string? Tree, bool ReadmeTouched, bool ByBot);
