using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Shop.GraphQL.Execution;

/// <summary>
/// Keeps the most recently used documents that parsed and validated, so a repeated query skips
/// both steps; only rules that depend on the request (its transport) run again.
/// </summary>
internal sealed class DocumentCache(IOptions<GraphQLOptions> options) : IConfigureExecution
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Query, GraphQLDocument Document)>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Query, GraphQLDocument Document)> _recency = new();

    // After the options that add validation rules, so a hit can replace them.
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions executionOptions, ExecutionDelegate next)
    {
        if (executionOptions.Document is not null || executionOptions.Query is not { } query)
        {
            return await next(executionOptions);
        }

        var cached = Get(query);
        if (cached is not null)
        {
            executionOptions.Document = cached;
            executionOptions.ValidationRules = executionOptions.CachedDocumentValidationRules ?? [];
        }

        var result = await next(executionOptions);
        if (cached is null && result.Executed && executionOptions.Document is { } document)
        {
            Add(query, document);
        }

        return result;
    }

    private GraphQLDocument? Get(string query)
    {
        lock (_gate)
        {
            if (!_index.TryGetValue(query, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Document;
        }
    }

    private void Add(string query, GraphQLDocument document)
    {
        var capacity = options.Value.DocumentCacheSize;
        if (capacity <= 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_index.ContainsKey(query))
            {
                return;
            }

            _index[query] = _recency.AddFirst((query, document));
            while (_index.Count > capacity && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _index.Remove(oldest.Value.Query);
            }
        }
    }

    internal int Count
    {
        get
        {
            lock (_gate)
            {
                return _index.Count;
            }
        }
    }

}
