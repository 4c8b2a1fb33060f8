using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Shop.GraphQL.Execution;

/// <summary>
/// Keeps the most recently used documents that parsed and validated, so a repeated query skips
/// both steps; only rules that depend on the request (its transport) run again. Entries are keyed
/// by the operation name as well as the text, because some rules (limits, operation types) judge
/// only the operation that was selected.
/// </summary>
internal sealed class DocumentCache(IOptions<GraphQLOptions> options, IDocumentBuilder documents) : IConfigureExecution
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, GraphQLDocument Document)>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, GraphQLDocument Document)> _recency = new();
    private long _hits;
    private long _misses;

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
        Interlocked.Increment(ref cached is null ? ref _misses : ref _hits);
        if (cached is not null)
        {
            executionOptions.Document = cached;
            executionOptions.ValidationRules = executionOptions.CachedDocumentValidationRules ?? [];
        }
        else
        {
            // Parsed here because the executer keeps the document it parses to itself; validated as
            // usual. A text that does not parse is left to the executer, which reports why.
            executionOptions.Document = TryParse(query);
        }

        var result = await next(executionOptions);
        if (cached is null && result.Executed && executionOptions.Document is { } document)
        {
            Add(key, document);
        }

        return result;
    }

    private GraphQLDocument? TryParse(string query)
    {
        try
        {
            return documents.Build(query);
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException)
        {
            return null;
        }
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

    /// <summary>Requests served a cached document.</summary>
    internal long Hits => Interlocked.Read(ref _hits);

    /// <summary>Requests whose document had to be parsed and validated.</summary>
    internal long Misses => Interlocked.Read(ref _misses);

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
