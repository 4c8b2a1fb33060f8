using GraphQLParser;
using GraphQLParser.AST;
using Shop.Products.Catalog;

namespace Shop.Products.GraphQL;

/// <summary>
/// Reads from a <c>products</c> field's selection set what the listing must fetch. It errs towards
/// fetching: a field inside any fragment, or under <c>@skip</c>/<c>@include</c>, counts as asked
/// for, so a wrong guess costs a join or a count, never a missing value.
/// </summary>
internal static class ProductListSelection
{
    public static ProductListShape Shape(IResolveFieldContext context)
    {
        // SubFields are the connection's fields as executed: fragments and directives applied.
        var countTotal = context.SubFields is not { } fields || fields.Values.Any(field => field.FieldType.Name == "totalCount");
        return new ProductListShape(countTotal, AsksForStock(context));
    }

    private static bool AsksForStock(IResolveFieldContext context)
    {
        foreach (var field in Fields(context.FieldAst.SelectionSet, context.Document))
        {
            var nodes = field.Name.Value == "nodes" ? [field]
                : field.Name.Value == "edges" ? Fields(field.SelectionSet, context.Document).Where(edge => edge.Name.Value == "node")
                : [];
            if (nodes.Any(node => Fields(node.SelectionSet, context.Document).Any(product => product.Name.Value == "stock")))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<GraphQLField> Fields(GraphQLSelectionSet? selectionSet, GraphQLDocument document)
    {
        // Validation has already refused fragment cycles, so this recursion ends.
        foreach (var selection in selectionSet?.Selections ?? [])
        {
            var inner = selection switch
            {
                GraphQLField field => [field],
                GraphQLInlineFragment inline => Fields(inline.SelectionSet, document),
                GraphQLFragmentSpread spread => Fields(document.FindFragmentDefinition(spread.FragmentName.Name.Value)?.SelectionSet, document),
                _ => [],
            };
            foreach (var field in inner)
            {
                yield return field;
            }
        }
    }
}
