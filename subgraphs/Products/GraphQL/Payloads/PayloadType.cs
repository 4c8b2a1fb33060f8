using GraphQL.Types;
using Shop.GraphQL.Errors;

namespace Shop.Products.GraphQL.Payloads;

/// <summary><c>XxxPayload { &lt;entity&gt;, errors: [XxxError!]! }</c>; subclasses give the names.</summary>
public abstract class PayloadType<TEntityType, TEntity, TErrorType> : ObjectGraphType<MutationPayload<TEntity>>
    where TEntityType : IGraphType
    where TEntity : class
    where TErrorType : DomainErrorType
{
    protected PayloadType(string name, string entityField, string entityDescription)
    {
        Name = name;
        Field<TEntityType>(entityField).Description(entityDescription).Resolve(context => context.Source.Entity);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TErrorType>>>>("errors")
            .Description("Why nothing changed; empty on success.")
            .Resolve(context => context.Source.Errors);
    }
}
