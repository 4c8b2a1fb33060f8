using GraphQL.Types;
using Shop.Domain;

namespace Shop.GraphQL.Errors;

/// <summary>
/// Base of a mutation's error type, <c>XxxError implements Error { code: XxxErrorCode!, message, field }</c>.
/// Subclasses give the name and the codes the mutation can answer (the service's <c>XxxErrors</c>
/// constants): the schema publishes them as an enum clients can switch on, and the description lists them.
/// </summary>
public abstract class DomainErrorType : ObjectGraphType<DomainError>
{
    protected DomainErrorType(string name, string summary, params string[] codes)
    {
        if (codes.Length == 0 || codes.Distinct(StringComparer.Ordinal).Count() != codes.Length)
        {
            throw new ArgumentException($"{name} must list its codes, each once.", nameof(codes));
        }

        Name = name;
        Description = $"{summary} Codes: {string.Join(", ", codes)}.";
        Codes = codes;
        var codeType = new EnumerationGraphType { Name = name + "Code", Description = $"The codes of {name}." };
        foreach (var code in codes)
        {
            codeType.Add(code, code);
        }

        Interface<ErrorInterfaceType>();
        IsTypeOf = source => source is DomainError error && codes.Contains(error.Code, StringComparer.Ordinal);
        Field<NonNullGraphType<StringGraphType>>("code")
            .Type(new NonNullGraphType(codeType))
            .Description("Stable, upper-case reason to switch on.")
            .Resolve(context => context.Source.Code);
        Field(error => error.Message).Description("What went wrong, for people.");
        Field(error => error.Field, nullable: true).Description("The input field at fault, when there is one.");
    }

    /// <summary>The codes this mutation can answer.</summary>
    public IReadOnlyList<string> Codes { get; }
}
