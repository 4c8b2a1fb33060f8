namespace Shop.Payments.Tests.Api;

/// <summary>One payments service and sandbox shared by the API test classes of a collection.</summary>
[CollectionDefinition(Name)]
public sealed class PaymentsCollection : ICollectionFixture<PaymentsHost>
{
    public const string Name = "payments";
}
