using Shop.Testing.GraphQL;

namespace Shop.Payments.Tests.Api;

[Collection(PaymentsCollection.Name)]
public sealed class ParallelRootFieldsTests(PaymentsHost payments)
{
    [Fact]
    public async Task EveryPairOfRootFields_InOneDocument_AnswersWithoutUnexpectedErrors()
    {
        var token = payments.Tokens.Admin();

        var failures = await RootFieldPairs.FailuresAsync(payments.Host.Services, () => payments.Client(token));

        Assert.Empty(failures);
    }
}
