namespace CourseBot.GitHubEmulator;

/// <summary>A response as the emulator sent it: the route (as registered, e.g. <c>/repos/{owner}/{repo}</c>), status and body.</summary>
public sealed record RecordedResponse(string Method, string Route, int Status, string Body);
