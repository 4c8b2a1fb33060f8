using System.Text;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Shop.Testing.Clients;

namespace Shop.Testing.GraphQL;

/// <summary>
/// Sends every pair of a subgraph's root query fields (and each field twice, under aliases) in one
/// document, several times at once: fields of one operation run in parallel, so whatever they share
/// (a database context, a scoped cache) must bear it. Fields come from the schema itself, so a new
/// root field is covered without anyone remembering to.
/// </summary>
public static class RootFieldPairs
{
    /// <summary>The documents: one per unordered pair of root fields, a field paired with itself included.</summary>
    public static IReadOnlyList<string> Documents(IServiceProvider services)
    {
        var schema = services.GetRequiredService<ISchema>();
        schema.Initialize();
        var fields = schema.Query.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal)).ToList();
        var documents = new List<string>();
        for (var i = 0; i < fields.Count; i++)
        {
            for (var j = i; j < fields.Count; j++)
            {
                documents.Add($"{{ a: {Invocation(fields[i])} b: {Invocation(fields[j])} }}");
            }
        }

        return documents;
    }

    /// <summary>
    /// Sends each document <paramref name="times"/> times concurrently and returns every answer that
    /// carried an unexpected (masked) error, with its document; domain errors on made-up arguments are fine.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FailuresAsync(IServiceProvider services, Func<GraphQLHttpClient> client, int times = 8)
    {
        var failures = new List<string>();
        foreach (var document in Documents(services))
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, times).Select(_ => client().PostAsync(document)));
            failures.AddRange(responses
                .SelectMany(r => r.Errors)
                .Where(e => e.GetProperty("message").GetString() == "Unexpected error.")
                .Select(e => $"{document} → {e}"));
        }

        return failures;
    }

    private static string Invocation(FieldType field)
    {
        var text = new StringBuilder(field.Name);
        var required = field.Arguments?.Where(a => a.ResolvedType is NonNullGraphType).ToList() ?? [];
        if (required.Count > 0)
        {
            text.Append('(').AppendJoin(", ", required.Select(a => $"{a.Name}: {Literal(a.ResolvedType!)}")).Append(')');
        }

        if (Unwrap(field.ResolvedType!) is IComplexGraphType or UnionGraphType)
        {
            text.Append(" { __typename }");
        }

        return text.ToString();
    }

    /// <summary>A well-formed value of the type: enough to run the resolver, not to find anything.</summary>
    private static string Literal(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Literal(nonNull.ResolvedType!),
        ListGraphType => "[]",
        IdGraphType => $"\"{Guid.NewGuid()}\"",
        IntGraphType => "1",
        FloatGraphType => "1.0",
        BooleanGraphType => "false",
        EnumerationGraphType enumeration => enumeration.Values.First().Name,
        IInputObjectGraphType input => "{ " + string.Join(", ", input.Fields.Where(f => f.ResolvedType is NonNullGraphType).Select(f => $"{f.Name}: {Literal(f.ResolvedType!)}")) + " }",
        _ => "\"x\"",
    };

    private static IGraphType Unwrap(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Unwrap(nonNull.ResolvedType!),
        ListGraphType list => Unwrap(list.ResolvedType!),
        _ => type,
    };
}
