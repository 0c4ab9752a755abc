namespace CourseBot.Tests.Infrastructure;

/// <summary>The test classes that share one Azurite (see <see cref="Azurite"/>).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<Azurite>
{
    public const string Name = "Azurite";
}
