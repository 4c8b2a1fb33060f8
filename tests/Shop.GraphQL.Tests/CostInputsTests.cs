using GraphQLParser;
using Shop.GraphQL.Execution;

namespace Shop.GraphQL.Tests;

/// <summary>Which cached documents must have their cost estimated again for each request's variables.</summary>
public sealed class CostInputsTests
{
    [Theory]
    [InlineData("{ hello }")]
    [InlineData("{ shelf(first: 10) { id } }")]
    [InlineData("query ($text: String!) { echo(text: $text) }")]
    [InlineData("query ($text: String!) { shelf(first: 10) { id } echo(text: $text) }")]
    [InlineData("query ($skip: Boolean!) { hello }")]
    public void DependOnVariables_CostFixedByTheText_IsFalse(string document)
        => Assert.False(CostInputs.DependOnVariables(Parser.Parse(document)));

    [Theory]
    [InlineData("query ($n: Int) { shelf(first: $n) { id } }")]
    [InlineData("query ($n: Int) { books { author { books(last: $n) { id } } } }")]
    [InlineData("query ($id: ID) { authors(id: $id) { name } }")]
    [InlineData("query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }")]
    [InlineData("query ($id: ID!) { _entities(representations: [{ __typename: \"Author\", id: $id }]) { __typename } }")]
    [InlineData("query ($skip: Boolean!) { shelf(first: 100) @skip(if: $skip) { id } }")]
    [InlineData("query ($on: Boolean!) { ... @include(if: $on) { shelf(first: 100) { id } } }")]
    [InlineData("query ($n: Int) { ...Shelf } fragment Shelf on Query { shelf(first: $n) { id } }")]
    [InlineData("query ($on: Boolean!) @include(if: $on) { hello }")]
    public void DependOnVariables_VariableFeedingTheEstimate_IsTrue(string document)
        => Assert.True(CostInputs.DependOnVariables(Parser.Parse(document)));
}
