namespace Shop.GraphQL.Execution;

/// <summary>A well-formed GraphQL-over-HTTP request: the document and its optional parameters.</summary>
public sealed record GraphQLRequestBody(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);
