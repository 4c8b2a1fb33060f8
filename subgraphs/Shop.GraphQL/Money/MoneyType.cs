using System.Globalization;
using GraphQL.Federation;
using GraphQL.Types;
using Shop.Domain;

namespace Shop.GraphQL.Money;

/// <summary>
/// <c>Money { amount: String!, currencyCode: String!, formatted: String! }</c>: exact amounts as
/// decimal strings, never floats. Shareable, since several subgraphs return it.
/// </summary>
public sealed class MoneyType : ObjectGraphType<decimal>
{
    public MoneyType()
    {
        Name = "Money";
        Description = "An exact amount of money.";
        this.Shareable();
        Field<NonNullGraphType<StringGraphType>>("amount")
            .Description("The amount as a decimal string, such as \"129000\"; exact, never a float.")
            .Resolve(context => context.Source.ToString(CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>>("currencyCode")
            .Description("ISO 4217 code; Shop sells in VND.")
            .Resolve(_ => Prices.Currency);
        Field<NonNullGraphType<StringGraphType>>("formatted")
            .Description("For display, such as \"129.000 ₫\".")
            .Resolve(context => Prices.Format(context.Source));
    }
}
