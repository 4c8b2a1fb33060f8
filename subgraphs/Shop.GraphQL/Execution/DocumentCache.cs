using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Shop.GraphQL.Execution;

/// <summary>
/// Keeps the most recently used documents that parsed and validated, so a repeated query skips
/// both steps; only rules that depend on the request run again: its transport's, and the cost
/// limit when variables can change the cost (<see cref="CostInputs"/>). Entries are keyed by the
/// operation name as well as the text, because some rules (limits, operation types) judge only the
/// operation that was selected.
/// </summary>
internal sealed class DocumentCache(IOptions<GraphQLOptions> options, IDocumentBuilder documents) : IConfigureExecution
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string OperationName, string Query), LinkedListNode<Entry>> _index = [];
    private readonly LinkedList<Entry> _recency = new();
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

        var key = (executionOptions.OperationName ?? string.Empty, query);
        var cached = Get(key);
        Interlocked.Increment(ref cached is null ? ref _misses : ref _hits);
        if (cached is not null)
        {
            executionOptions.Document = cached.Document;
            executionOptions.ValidationRules = RulesToRerun(executionOptions.CachedDocumentValidationRules, cached.CostDependsOnVariables);
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
            Add(new Entry(key, document, CostInputs.DependOnVariables(document)));
        }

        return result;
    }

    private static IEnumerable<IValidationRule> RulesToRerun(IEnumerable<IValidationRule>? rules, bool costDependsOnVariables)
    {
        if (rules is null)
        {
            return [];
        }

        // A fixed cost passed the limit when the document was validated; estimating it again per
        // request would walk the whole document twice for the same verdict.
        return costDependsOnVariables ? rules : rules.Where(rule => rule is not CostLimitRule);
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

    private Entry? Get((string, string) key)
    {
        lock (_gate)
        {
            if (!_index.TryGetValue(key, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value;
        }
    }

    private void Add(Entry entry)
    {
        var capacity = options.Value.DocumentCacheSize;
        if (capacity <= 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_index.ContainsKey(entry.Key))
            {
                return;
            }

            _index[entry.Key] = _recency.AddFirst(entry);
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

    private sealed record Entry((string OperationName, string Query) Key, GraphQLDocument Document, bool CostDependsOnVariables);
}
