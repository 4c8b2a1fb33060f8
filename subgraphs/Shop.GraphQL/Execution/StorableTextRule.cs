using GraphQL.Validation;
using GraphQLParser.AST;

namespace Shop.GraphQL.Execution;

/// <summary>String literals in the document must be storable text (see <see cref="StorableText"/>).</summary>
internal sealed class StorableTextRule : ValidationRuleBase
{
    private static readonly INodeVisitor Visitor = new MatchingNodeVisitor<GraphQLStringValue>((node, context) =>
    {
        if (!StorableText.IsStorable(node.Value.Span))
        {
            context.ReportError(ShopValidationError.Create(context, StorableText.Code, StorableText.Refusal("A string literal")));
        }
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
