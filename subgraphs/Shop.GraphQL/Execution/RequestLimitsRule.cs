using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Shop.GraphQL.Execution;

/// <summary>
/// Caps the depth, the number of fields and of aliases of an operation, counting fragments where
/// they are spread, so a small document cannot ask for an enormous response; and the root fields
/// of a mutation, since each is a separate write.
/// </summary>
internal sealed class RequestLimitsRule(IOptions<GraphQLOptions> options) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var limits = options.Value;
        var walk = new Walk(context.Document, limits.MaxFieldCount);
        walk.Visit(context.Operation.SelectionSet, depth: 0);

        if (walk.MaxDepth > limits.MaxDepth)
        {
            context.ReportError(ShopValidationError.Create(
                context, "MAX_DEPTH_EXCEEDED", $"The operation nests fields {walk.MaxDepth} deep; the limit is {limits.MaxDepth}."));
        }

        if (walk.FieldCount > limits.MaxFieldCount)
        {
            context.ReportError(ShopValidationError.Create(
                context, "MAX_FIELDS_EXCEEDED", $"The operation selects more than {limits.MaxFieldCount} fields."));
        }

        if (walk.AliasCount > limits.MaxAliases)
        {
            context.ReportError(ShopValidationError.Create(
                context, "MAX_ALIASES_EXCEEDED", $"The operation uses {walk.AliasCount} aliases; the limit is {limits.MaxAliases}."));
        }

        if (context.Operation.Operation == OperationType.Mutation && walk.RootFieldCount > limits.MaxMutationRootFields)
        {
            context.ReportError(ShopValidationError.Create(
                context, "MAX_ROOT_FIELDS_EXCEEDED", $"The mutation runs {walk.RootFieldCount} root fields; the limit is {limits.MaxMutationRootFields}."));
        }

        return default;
    }

    private sealed class Walk(GraphQLDocument document, int fieldBudget)
    {
        private readonly HashSet<string> _fragmentsOnPath = [];

        public int MaxDepth { get; private set; }

        public int FieldCount { get; private set; }

        public int AliasCount { get; private set; }

        public int RootFieldCount { get; private set; }

        public void Visit(GraphQLSelectionSet? selectionSet, int depth)
        {
            // Stop counting once over budget: the verdict is known and the walk stays cheap.
            if (selectionSet is null || FieldCount > fieldBudget)
            {
                return;
            }

            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        FieldCount++;
                        AliasCount += field.Alias is null ? 0 : 1;
                        RootFieldCount += depth == 0 ? 1 : 0;
                        MaxDepth = Math.Max(MaxDepth, depth + 1);
                        Visit(field.SelectionSet, depth + 1);
                        break;
                    case GraphQLInlineFragment inline:
                        Visit(inline.SelectionSet, depth);
                        break;
                    case GraphQLFragmentSpread spread:
                        var name = (string)spread.FragmentName.Name.Value;
                        // A cycle is reported by the spec's own NoFragmentCycles rule; just don't loop.
                        if (_fragmentsOnPath.Add(name))
                        {
                            Visit(document.FindFragmentDefinition(spread.FragmentName.Name.Value)?.SelectionSet, depth);
                            _fragmentsOnPath.Remove(name);
                        }

                        break;
                }
            }
        }
    }
}
