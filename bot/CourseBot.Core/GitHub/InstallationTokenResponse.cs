namespace CourseBot.Core.GitHub;

internal sealed record InstallationTokenResponse(string Token, DateTimeOffset ExpiresAt);
