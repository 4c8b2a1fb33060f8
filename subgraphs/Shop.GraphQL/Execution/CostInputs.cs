using GraphQLParser.AST;

namespace Shop.GraphQL.Execution;

/// <summary>
/// Whether a document's estimated cost can change with the request's variables. It can when a
/// variable feeds an argument the estimate reads (<see cref="CostLimitRule.ReadsArgument"/>) or a
/// directive (<c>@skip</c>/<c>@include</c> decide which fields count). Otherwise the cost is fixed
/// by the text, so the verdict given when the document was first validated holds for every request.
/// </summary>
internal static class CostInputs
{
    public static bool DependOnVariables(GraphQLDocument document)
    {
        foreach (var definition in document.Definitions)
        {
            var found = definition switch
            {
                GraphQLOperationDefinition operation => Directives(operation.Directives) || SelectionSet(operation.SelectionSet),
                GraphQLFragmentDefinition fragment => Directives(fragment.Directives) || SelectionSet(fragment.SelectionSet),
                _ => false,
            };
            if (found)
            {
                return true;
            }
        }

        return false;
    }

    private static bool SelectionSet(GraphQLSelectionSet? selectionSet)
    {
        if (selectionSet is null)
        {
            return false;
        }

        foreach (var selection in selectionSet.Selections)
        {
            var found = selection switch
            {
                GraphQLField field => Directives(field.Directives) || Arguments(field.Arguments) || SelectionSet(field.SelectionSet),
                GraphQLInlineFragment inline => Directives(inline.Directives) || SelectionSet(inline.SelectionSet),
                GraphQLFragmentSpread spread => Directives(spread.Directives),
                _ => false,
            };
            if (found)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Arguments(GraphQLArguments? arguments)
        => arguments is not null && arguments.Items.Exists(argument => CostLimitRule.ReadsArgument(argument.Name.StringValue) && HasVariable(argument.Value));

    private static bool Directives(GraphQLDirectives? directives)
        => directives is not null && directives.Items.Exists(directive => directive.Arguments?.Items.Exists(argument => HasVariable(argument.Value)) == true);

    private static bool HasVariable(GraphQLValue value) => value switch
    {
        GraphQLVariable => true,
        GraphQLListValue list => list.Values?.Exists(HasVariable) == true,
        GraphQLObjectValue input => input.Fields?.Exists(field => HasVariable(field.Value)) == true,
        _ => false,
    };
}
