using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.GraphQL.Tests.Sample;

public sealed class BookType : ObjectGraphType<Book>
{
    public BookType()
    {
        Name = "Book";
        Field(b => b.Id);
        Field(b => b.Title);
        Field<AuthorType>("author")
            .Resolve(context => context.RequestServices!.GetRequiredService<AuthorByIdDataLoader>().Load(context.Source.AuthorId));
    }
}
