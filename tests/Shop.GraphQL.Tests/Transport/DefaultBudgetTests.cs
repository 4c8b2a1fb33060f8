using System.Net;

namespace Shop.GraphQL.Tests.Transport;

/// <summary>The default limits leave room for what tools send, and still bound repetition of it.</summary>
public sealed class DefaultBudgetTests(SampleHost sample) : IClassFixture<SampleHost>
{
    // The query GraphQL tools (Banana Cake Pop, GraphiQL) send to learn a schema.
    private const string Introspection = """
        fragment FullType on __Type { kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue } interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
        """;

    [Fact]
    public async Task Introspection_TheToolsQuery_StaysUnderTheDefaultLimits()
    {
        var query = "query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name } "
            + "types { ...FullType } directives { name description locations args { ...InputValue } } } } " + Introspection;

        var response = await sample.Client().PostAsync(query);

        response.EnsureNoErrors();
    }

    [Fact]
    public async Task Introspection_Twice_IsRefusedByCost()
    {
        var query = "{ a: __schema { types { ...FullType } } b: __schema { types { ...FullType } } } " + Introspection;

        var response = await sample.Client().PostAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MAX_COST_EXCEEDED", Assert.Single(response.ErrorCodes));
    }
}
