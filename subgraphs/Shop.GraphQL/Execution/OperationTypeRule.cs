using GraphQL.Validation;
using GraphQLParser.AST;

namespace Shop.GraphQL.Execution;

/// <summary>Refuses operation types that the request's transport cannot carry.</summary>
internal sealed class OperationTypeRule : ValidationRuleBase
{
    private readonly bool _allowMutations;
    private readonly bool _allowSubscriptions;

    private OperationTypeRule(bool allowMutations, bool allowSubscriptions)
    {
        _allowMutations = allowMutations;
        _allowSubscriptions = allowSubscriptions;
    }

    public static OperationTypeRule For(GraphQLTransport transport) => transport switch
    {
        GraphQLTransport.HttpGet => QueriesOnly,
        GraphQLTransport.HttpPost => NoSubscriptions,
        GraphQLTransport.StreamGet => NoMutations,
        _ => Everything,
    };

    private static readonly OperationTypeRule QueriesOnly = new(false, false);
    private static readonly OperationTypeRule NoSubscriptions = new(true, false);
    private static readonly OperationTypeRule NoMutations = new(false, true);
    private static readonly OperationTypeRule Everything = new(true, true);

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation;
        if (operation.Operation == OperationType.Mutation && !_allowMutations)
        {
            context.ReportError(new MutationOverGetError(context.Document.Source, operation));
        }
        else if (operation.Operation == OperationType.Subscription && !_allowSubscriptions)
        {
            context.ReportError(ShopValidationError.Create(
                context,
                "SUBSCRIPTION_NEEDS_STREAM",
                "Subscriptions are served over SSE (Accept: text/event-stream) or WebSocket (graphql-transport-ws)."));
        }

        return default;
    }
}

/// <summary>A mutation sent over GET; the HTTP layer answers it with 405.</summary>
internal sealed class MutationOverGetError : ValidationError
{
    public MutationOverGetError(GraphQLParser.ROM source, ASTNode node)
        : base(source, null!, "Mutations must be sent with POST.", node)
    {
        Code = "MUTATION_OVER_GET";
    }
}
