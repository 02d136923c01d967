using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Jobs.Maintenance;

/// <summary>
/// A task's SQL with named placeholders. <c>{name}</c> becomes Athena's <c>?</c> and the parameter's value goes, in order of
/// appearance, into ExecutionParameters — the value is never part of the SQL text. <c>{table}</c> and <c>{database}</c> are
/// the task's table (<c>db.table</c>) and database: validated Glue names, the only text ever substituted.
/// </summary>
public sealed partial class SqlTemplate
{
    private SqlTemplate(string sql, IReadOnlyList<string> names)
    {
        Sql = sql;
        Names = names;
    }

    /// <summary>The SQL as configured.</summary>
    public string Sql { get; }

    /// <summary>The parameter names in order of appearance (repeated when used twice).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Parses the placeholders; errors name what is wrong (a placeholder without a parameter, or the reverse).</summary>
    public static SqlTemplate Parse(string sql, IReadOnlyCollection<string> parameters, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(errors);
        var names = new List<string>();
        foreach (Match match in Placeholder().Matches(sql))
        {
            string name = match.Groups[1].Value;
            if (name is "table" or "database")
            {
                continue;
            }

            if (!parameters.Contains(name))
            {
                errors.Add($"{{{name}}} has no parameter (define Parameters:{name}, or use {{table}} / {{database}})");
            }

            names.Add(name);
        }

        foreach (string unused in parameters.Where(p => !names.Contains(p)))
        {
            errors.Add($"parameter '{unused}' is not used in the SQL (write {{{unused}}} where its value goes)");
        }

        if (Stray().IsMatch(Placeholder().Replace(sql, "")))
        {
            errors.Add("a '{' or '}' that is not a placeholder {name} (names: lower-case letters, digits, '_'); Athena has no braces elsewhere");
        }

        return new SqlTemplate(sql, names);
    }

    /// <summary>The SQL Athena runs (placeholders as <c>?</c>) and its ExecutionParameters.</summary>
    public (string Sql, IReadOnlyList<string> Parameters) Bind(string database, string table, IReadOnlyDictionary<string, SqlValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var parameters = new List<string>();
        var text = new StringBuilder();
        int last = 0;
        foreach (Match match in Placeholder().Matches(Sql))
        {
            text.Append(Sql, last, match.Index - last);
            string name = match.Groups[1].Value;
            if (name == "table")
            {
                text.Append(database).Append('.').Append(table);
            }
            else if (name == "database")
            {
                text.Append(database);
            }
            else
            {
                text.Append('?');
                parameters.Add(values[name].ToSqlLiteral());
            }

            last = match.Index + match.Length;
        }

        text.Append(Sql, last, Sql.Length - last);
        return (text.ToString(), parameters);
    }

    [GeneratedRegex(@"\{([a-z_][a-z0-9_]{0,63})\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[{}]")]
    private static partial Regex Stray();
}
