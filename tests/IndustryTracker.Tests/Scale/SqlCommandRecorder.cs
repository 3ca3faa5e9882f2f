using System.Data.Common;
using IndustryTracker.Core.Data;
using IndustryTracker.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryTracker.Tests.Scale;

/// <summary>Records every SQL command EF sends (text and parameters), for the query-plan and command-count tests.</summary>
public sealed class SqlCommandRecorder : DbCommandInterceptor
{
    private readonly List<RecordedCommand> _commands = [];

    public IReadOnlyList<RecordedCommand> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    public void Clear()
    {
        lock (_commands)
        {
            _commands.Clear();
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        var parameters = command.Parameters.Cast<DbParameter>()
            .Select(p => p is ICloneable cloneable ? (DbParameter)cloneable.Clone() : p)
            .ToList();
        lock (_commands)
        {
            _commands.Add(new RecordedCommand(command.CommandText, parameters));
        }
    }

    /// <summary>A context factory on <paramref name="database"/> whose contexts report to this recorder.</summary>
    public IDbContextFactory<IndustryTrackerDbContext> FactoryFor(TestDatabase database) => database.FactoryWith(this);

    /// <summary>The app on <paramref name="database"/>, its own contexts (and their interceptors) reporting to this recorder too.</summary>
    public WebApplicationFactory<IndustryTracker.Web.Components.App> AppFor(TestDatabase database) =>
        new TrackerWebApplicationFactory(database).WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.ConfigureDbContext<IndustryTrackerDbContext>((_, options) => options.AddInterceptors(this))));
}

/// <summary>A SQL command as sent: its text and (copies of) its parameters.</summary>
public sealed record RecordedCommand(string Sql, IReadOnlyList<DbParameter> Parameters);
