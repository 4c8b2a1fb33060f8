using System.Net;
using System.Text.Json;
using Shop.Testing.Clients;

namespace Shop.GraphQL.Tests.Transport;

/// <summary>
/// Input nested far deeper than any real operation (2,000 levels of list, in the document and in the
/// variables) is a 400 the parser or reader refuses on its own, never a stack overflow that takes the
/// service down; the service answers the next request as usual.
/// </summary>
public sealed class DeepNestingTests(SampleHost sample) : IClassFixture<SampleHost>
{
    private const int Depth = 2000;

    private readonly GraphQLHttpClient _client = sample.Client();

    [Fact]
    public async Task ListLiteral_2000Deep_IsABadRequestAndTheServiceLivesOn()
    {
        var literal = new string('[', Depth) + "1" + new string(']', Depth);

        var response = await _client.SendRawAsync(
            HttpMethod.Post, JsonSerializer.Serialize(new { query = $"{{ echo(text: {literal}) }}" }), accept: GraphQLHttpClient.GraphQLResponseJson);
        var after = await _client.PostAsync("{ hello }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotEmpty(response.ErrorCodes);
        Assert.Equal("world", after.EnsureNoErrors().Data.GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Variables_2000Deep_AreABadRequestAndTheServiceLivesOn()
    {
        var nested = new string('[', Depth) + "1" + new string(']', Depth);
        var body = "{\"query\":\"query ($t: String!) { echo(text: $t) }\",\"variables\":{\"t\":" + nested + "}}";

        var response = await _client.SendRawAsync(HttpMethod.Post, body, accept: GraphQLHttpClient.GraphQLResponseJson);
        var after = await _client.PostAsync("{ hello }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("world", after.EnsureNoErrors().Data.GetProperty("hello").GetString());
    }
}
