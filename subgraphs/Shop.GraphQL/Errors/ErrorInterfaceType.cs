using GraphQL.Types;
using Shop.Domain;

namespace Shop.GraphQL.Errors;

/// <summary>
/// <c>interface Error</c>: what every mutation error says whatever the mutation. The code is not
/// on the interface: each error type narrows it to an enum of its own mutation's codes, and GraphQL
/// does not let an implementation narrow a <c>String</c> field to an enum.
/// </summary>
public sealed class ErrorInterfaceType : InterfaceGraphType<DomainError>
{
    public ErrorInterfaceType()
    {
        Name = "Error";
        Description = "A reason a mutation changed nothing. Each XxxError type adds a `code` from its own enum.";
        Field(error => error.Message).Description("What went wrong, for people.");
        Field(error => error.Field, nullable: true).Description("The input field at fault, when there is one.");
    }
}
