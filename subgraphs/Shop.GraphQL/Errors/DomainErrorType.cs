using GraphQL.Types;
using Shop.ServiceDefaults.Domain;

namespace Shop.GraphQL.Errors;

/// <summary>
/// Base of a mutation's error type, <c>XxxError { code: String!, message: String!, field: String }</c>:
/// subclasses only give the name, so every payload reports errors the same way.
/// </summary>
public abstract class DomainErrorType : ObjectGraphType<DomainError>
{
    protected DomainErrorType(string name, string description)
    {
        Name = name;
        Description = description;
        Field(error => error.Code).Description("Stable, upper-case reason; the error type's description lists the ones this mutation gives.");
        Field(error => error.Message).Description("What went wrong, for people.");
        Field(error => error.Field, nullable: true).Description("The input field at fault, when there is one.");
    }
}
