using Orchestrator.Configuration;
using Orchestrator.Jobs.Catalog;
using Orchestrator.Jobs.Maintenance;

namespace Orchestrator.Scheduling;

/// <summary>
/// Turns <c>Datasets:&lt;name&gt;:Maintenance</c> into <see cref="MaintenanceTask"/>s, reporting every problem with its key
/// (the validator calls this with an error list; at run time the configuration is already valid).
/// </summary>
internal static class MaintenanceTaskDefinitions
{
    public static MaintenanceTasks Build(OrchestratorOptions options, List<string> errors)
    {
        var tasks = new List<MaintenanceTask>();
        foreach (var (dataset, definition) in options.Datasets)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < definition.Maintenance.Count; i++)
            {
                string key = $"{OrchestratorOptions.SectionName}:Datasets:{dataset}:Maintenance:{i}";
                if (Build(dataset, definition, definition.Maintenance[i], key, names, errors) is { } task)
                {
                    tasks.Add(task);
                }
            }
        }

        return new MaintenanceTasks(tasks);
    }

    private static MaintenanceTask? Build(string dataset, DatasetOptions definition, MaintenanceTaskOptions options, string key,
        HashSet<string> names, List<string> errors)
    {
        int before = errors.Count;
        if (options.Name.Length is 0 or > 64 || !options.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add($"{key}:Name: '{options.Name}' must be 1-64 characters of letters, digits, '-' or '_'.");
        }
        else if (!names.Add(options.Name))
        {
            errors.Add($"{key}:Name: '{options.Name}' is used twice in this dataset's Maintenance.");
        }

        ScheduleRules.Validate(options.Cron, options.TimeZone, options.Misfire, key, errors);
        // One name exactly: Enum.TryParse would also take "5" or "Sql, Check".
        string? name = Enum.GetNames<MaintenanceKind>().FirstOrDefault(n => n.Equals(options.Kind.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            errors.Add($"{key}:Kind: '{options.Kind}' is not one of {string.Join(", ", Enum.GetNames<MaintenanceKind>())}.");
            return null;
        }

        var kind = Enum.Parse<MaintenanceKind>(name);
        var table = options.Table.IsSet ? options.Table : definition.OutputTable;
        if (options.Table.Database.Length > 0 != options.Table.Table.Length > 0)
        {
            errors.Add($"{key}:Table: give both Database and Table, or neither (then the dataset's OutputTable).");
        }
        else if (!table.IsSet)
        {
            errors.Add($"{key}:Table: the dataset has no OutputTable; give the task's Table (Database and Table).");
        }
        else if (options.Table.IsSet)
        {
            GlueOptionsValidation.Table(options.Table, key + ":Table", errors);
        }

        bool takesSql = kind is MaintenanceKind.Sql or MaintenanceKind.Check;
        SqlTemplate? sql = null;
        if (takesSql && string.IsNullOrWhiteSpace(options.Sql))
        {
            errors.Add($"{key}:Sql: a {kind} task needs its SQL.");
        }
        else if (takesSql)
        {
            var sqlErrors = new List<string>();
            sql = SqlTemplate.Parse(options.Sql, options.Parameters.Keys, sqlErrors);
            errors.AddRange(sqlErrors.Select(e => $"{key}:Sql: {e}."));
        }
        else if (options.Sql.Length > 0 || options.Parameters.Count > 0)
        {
            errors.Add($"{key}:Sql: only Sql and Check tasks take Sql and Parameters; {kind} runs its own statement.");
        }

        var parameters = Expressions(options.Parameters, key + ":Parameters", errors);
        CheckExpectation? expect = null;
        if (kind == MaintenanceKind.Check)
        {
            expect = CheckExpectation.TryParse(options.Expect);
            if (expect is null)
            {
                errors.Add($"{key}:Expect: '{options.Expect}' is not an expectation '<op> <number>' (op: > >= < <= = !=), e.g. '> 0'.");
            }
        }
        else if (options.Expect.Length > 0)
        {
            errors.Add($"{key}:Expect: only Check tasks have an expectation.");
        }

        var partition = Expressions(options.Partition, key + ":Partition", errors);
        if (kind == MaintenanceKind.Compact && options.Partition.Count == 0)
        {
            errors.Add($"{key}:Partition: Compact needs the partition to compact: a value per partition key, e.g. " +
                       "Partition:year = FireTime - 1 day as int 'yyyy'.");
        }
        else if (kind != MaintenanceKind.Compact && options.Partition.Count > 0)
        {
            errors.Add($"{key}:Partition: only Compact tasks take a Partition.");
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new MaintenanceTask(dataset, options.Name, kind, new TableRef(table.Database, table.Table),
            TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone), sql, parameters, expect, partition);
    }

    private static Dictionary<string, ParameterExpression> Expressions(Dictionary<string, string> source, string key, List<string> errors)
    {
        var result = new Dictionary<string, ParameterExpression>(StringComparer.Ordinal);
        foreach (var (name, text) in source)
        {
            if (!Jobs.Datasets.PartitionValueRules.IsValidIdentifier(name))
            {
                errors.Add($"{key}:{name}: '{name}' is not a name (lower-case a-z, 0-9, '_', starting with a letter or '_').");
            }

            if (ParameterExpression.TryParse(text, out string error) is { } expression)
            {
                result[name] = expression;
            }
            else
            {
                errors.Add($"{key}:{name}: '{text}' — {error}.");
            }
        }

        return result;
    }
}
