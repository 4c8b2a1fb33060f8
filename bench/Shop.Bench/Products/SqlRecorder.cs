using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Shop.Bench.Products;

/// <summary>
/// While armed, keeps every command EF Core sends (text, parameters, time to the first result),
/// so the bench can show a page's round trips and replay exactly those statements by hand.
/// </summary>
public sealed class SqlRecorder : DbCommandInterceptor
{
    private readonly ConcurrentQueue<RecordedCommand> _commands = new();
    private volatile bool _armed;

    public void Arm()
    {
        _commands.Clear();
        _armed = true;
    }

    public IReadOnlyList<RecordedCommand> Disarm()
    {
        _armed = false;
        return [.. _commands];
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    private void Record(DbCommand command, TimeSpan duration)
    {
        if (_armed)
        {
            _commands.Enqueue(new RecordedCommand(
                command.CommandText,
                [.. command.Parameters.Cast<NpgsqlParameter>().Select(parameter => parameter.Clone())],
                duration));
        }
    }
}

/// <summary>One SQL command as EF Core sent it; the parameters are clones, owned by no command.</summary>
public sealed record RecordedCommand(string Sql, NpgsqlParameter[] Parameters, TimeSpan Duration);
