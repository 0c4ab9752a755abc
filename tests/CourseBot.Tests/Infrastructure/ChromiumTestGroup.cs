namespace CourseBot.Tests.Infrastructure;

/// <summary>Tests that share the one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumTestGroup : ICollectionFixture<Chromium>
{
    public const string Name = "chromium";
}
