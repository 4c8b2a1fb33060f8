using GraphQL.Types;
using Shop.GraphQL.Errors;

namespace Shop.GraphQL.Mutations;

/// <summary>
/// <c>XxxPayload { &lt;entity&gt;, errors: [XxxError!]! }</c> over <see cref="MutationPayload{T}"/>;
/// subclasses give the name and the data fields, which come before <c>errors</c>.
/// </summary>
public abstract class PayloadType<TEntity, TErrorType> : ObjectGraphType<MutationPayload<TEntity>>
    where TEntity : class
    where TErrorType : DomainErrorType
{
    protected PayloadType(string name, Action<PayloadType<TEntity, TErrorType>> dataFields)
    {
        Name = name;
        dataFields(this);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TErrorType>>>>("errors")
            .Description("Why nothing changed; empty on success.")
            .Resolve(context => context.Source.Errors);
    }
}

/// <summary>A payload whose only data field is the entity itself.</summary>
public abstract class PayloadType<TEntityType, TEntity, TErrorType> : PayloadType<TEntity, TErrorType>
    where TEntityType : IGraphType
    where TEntity : class
    where TErrorType : DomainErrorType
{
    protected PayloadType(string name, string entityField, string entityDescription)
        : base(name, payload => payload.Field<TEntityType>(entityField).Description(entityDescription).Resolve(context => context.Source.Entity))
    {
    }
}
