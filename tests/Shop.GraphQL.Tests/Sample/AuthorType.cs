using GraphQL.Federation;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.GraphQL.Tests.Sample;

public sealed class AuthorType : ObjectGraphType<Author>
{
    public AuthorType()
    {
        Name = "Author";
        this.Key("id");
        Field(a => a.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(a => a.Name);
        this.ResolveReference<AuthorReference, Author>((context, reference) =>
            context.RequestServices!.GetRequiredService<AuthorByIdDataLoader>().Load(reference.Id)!);
    }
}

/// <summary>What a gateway sends to fetch an author: its key.</summary>
public sealed class AuthorReference
{
    public int Id { get; set; }
}
