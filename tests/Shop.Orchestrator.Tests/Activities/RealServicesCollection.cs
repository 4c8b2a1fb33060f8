namespace Shop.Orchestrator.Tests.Activities;

/// <summary>The activity test classes share one set of services; their tests run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class RealServicesCollection : ICollectionFixture<RealServices>
{
    public const string Name = "Real services";
}
