using System.Collections;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Options;

namespace Shop.GraphQL.Execution;

/// <summary>
/// Refuses an operation whose estimated cost is over <see cref="GraphQLOptions.MaxCost"/>, using
/// GraphQL.NET's own complexity analyzer: list sizes come from <c>first</c> / <c>last</c>, and a
/// federation <c>_entities</c> call counts as many items as it names representations. It runs for
/// cached documents too, because the sizes may come from variables.
/// </summary>
internal sealed class CostLimitRule(IOptions<GraphQLOptions> options) : ComplexityValidationRule(Analyzer(options.Value))
{
    public const string Code = "MAX_COST_EXCEEDED";

    /// <summary>
    /// The arguments whose values the estimate reads: list sizes (the library's <c>first</c>,
    /// <c>last</c>, and <c>id</c>, whose presence means one item) and <c>_entities</c>'
    /// <c>representations</c>. A document feeding none of them (nor a directive) from a variable
    /// has a fixed cost (<see cref="CostInputs"/>); one more argument read here must be named here.
    /// </summary>
    public static bool ReadsArgument(string name) => name is "first" or "last" or "id" or "representations";

    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalImpact, int currentDepth)
    {
        var limit = options.Value.MaxCost;
        if (totalImpact > limit)
        {
            context.ReportError(ShopValidationError.Create(
                context, Code, $"The operation's estimated cost is {totalImpact:0}; the limit is {limit}."));
        }

        return default;
    }

    private static ComplexityOptions Analyzer(GraphQLOptions limits)
    {
        var analyzer = new ComplexityOptions
        {
            // Set so the analyzer runs; the verdict and its message are ValidateComplexityAsync's.
            MaxComplexity = limits.MaxCost,
            DefaultListImpactMultiplier = limits.AssumedListSize,
        };
        var library = analyzer.DefaultComplexityImpactDelegate;
        analyzer.DefaultComplexityImpactDelegate = field =>
        {
            if (field.FieldDefinition.Name is "__schema" or "__type")
            {
                // Introspection's lists are as long as the schema is large, not as the client asks:
                // it pays a share of the list-based estimate (as the library's WithIntrospectionComplexityImpact
                // would, which cannot be applied before a subgraph's schema has its root types).
                return new FieldComplexityResult(limits.IntrospectionCostFactor, limits.IntrospectionCostFactor);
            }

            var estimate = library(field);
            var multiplier = field.FieldDefinition.Name == "_entities" && Representations(field) is { } count
                ? count
                : estimate.ChildImpactMultiplier;

            // first: 0 or a negative first must not shrink (or flip the sign of) the cost of its siblings.
            return new FieldComplexityResult(Math.Max(estimate.FieldImpact, 0), Math.Max(multiplier, 1));
        };
        return analyzer;
    }

    private static int? Representations(FieldImpactContext field)
        => field.Arguments?.TryGetValue("representations", out var value) == true && value.Value is ICollection list ? list.Count : null;
}
