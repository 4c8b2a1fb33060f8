using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Shop.GraphQL.Execution;

/// <summary>
/// Keeps the most recently used documents that parsed and validated, so a repeated query skips
/// both steps; only rules that depend on the request (its transport) run again. Entries are keyed
/// by the operation name as well as the text, because some rules (limits, operation types) judge
/// only the operation that was selected.
/// </summary>
internal sealed class DocumentCache(IOptions<GraphQLOptions> options) : IConfigureExecution
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, GraphQLDocument Document)>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, GraphQLDocument Document)> _recency = new();

    // After the options that add validation rules, so a hit can replace them.
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions executionOptions, ExecutionDelegate next)
    {
        if (executionOptions.Document is not null || executionOptions.Query is not { } query)
        {
            return await next(executionOptions);
        }

        var key = (executionOptions.OperationName ?? string.Empty) + "\n" + query;
        var cached = Get(key);
        if (cached is not null)
        {
            executionOptions.Document = cached;
            executionOptions.ValidationRules = executionOptions.CachedDocumentValidationRules ?? [];
        }

        var result = await next(executionOptions);
        if (cached is null && result.Executed && executionOptions.Document is { } document)
        {
            Add(key, document);
        }

        return result;
    }

    private GraphQLDocument? Get(string key)
    {
        lock (_gate)
        {
            if (!_index.TryGetValue(key, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Document;
        }
    }

    private void Add(string key, GraphQLDocument document)
    {
        var capacity = options.Value.DocumentCacheSize;
        if (capacity <= 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_index.ContainsKey(key))
            {
                return;
            }

            _index[key] = _recency.AddFirst((key, document));
            while (_index.Count > capacity && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _index.Remove(oldest.Value.Key);
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
