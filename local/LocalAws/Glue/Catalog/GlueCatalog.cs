using System.Text.Json.Nodes;
using LocalAws.Wire;

namespace LocalAws.Glue.Catalog;

/// <summary>
/// The in-memory Data Catalog. Glue stores database and table names in lower case, so lookups fold case too.
/// Everything handed out is a deep copy: callers can never change the catalog without going through it.
/// </summary>
internal sealed class GlueCatalog(TimeProvider time)
{
    /// <summary>The account id the catalog reports, as Glue fills CatalogId with the caller's account.</summary>
    public const string AccountId = "000000000000";

    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, CatalogDatabase> _databases = new(StringComparer.Ordinal);

    public DateTimeOffset Now => time.GetUtcNow();

    public void CreateDatabase(JsonObject input)
    {
        var name = Name(input, "DatabaseInput.Name");
        var database = (JsonObject)input.DeepClone();
        database["Name"] = name;
        database["CreateTime"] = EpochSeconds.From(Now);
        database["CatalogId"] = AccountId;
        lock (_gate)
        {
            if (!_databases.TryAdd(name, new CatalogDatabase(database)))
            {
                throw GlueErrors.AlreadyExists("Database already exists.");
            }
        }
    }

    public JsonObject GetDatabase(string name)
    {
        lock (_gate)
        {
            return (JsonObject)Database(name).Database.DeepClone();
        }
    }

    public IReadOnlyList<JsonObject> ListDatabases()
    {
        lock (_gate)
        {
            return [.. _databases.Values.Select(d => (JsonObject)d.Database.DeepClone())];
        }
    }

    public void CreateTable(string databaseName, JsonObject input)
    {
        var table = NewTable(databaseName, input);
        lock (_gate)
        {
            var database = Database(databaseName);
            if (!database.Tables.TryAdd((string)table["Name"]!, new CatalogTable(table)))
            {
                throw GlueErrors.AlreadyExists("Table already exists.");
            }
        }
    }

    public void UpdateTable(string databaseName, JsonObject input)
    {
        var replacement = NewTable(databaseName, input);
        lock (_gate)
        {
            var entry = Table(databaseName, (string)replacement["Name"]!);
            // UpdateTable replaces the definition but the table keeps its identity and history.
            replacement["CreateTime"] = entry.Table["CreateTime"]?.DeepClone();
            var version = int.TryParse((string?)entry.Table["VersionId"], out var v) ? v : 0;
            replacement["VersionId"] = (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            entry.Table = replacement;
        }
    }

    public JsonObject GetTable(string databaseName, string tableName)
    {
        lock (_gate)
        {
            return (JsonObject)Table(databaseName, tableName).Table.DeepClone();
        }
    }

    public bool TableExists(string databaseName, string tableName)
    {
        lock (_gate)
        {
            return _databases.TryGetValue(databaseName.ToLowerInvariant(), out var database)
                && database.Tables.ContainsKey(tableName.ToLowerInvariant());
        }
    }

    public IReadOnlyList<JsonObject> ListTables(string databaseName)
    {
        lock (_gate)
        {
            return [.. Database(databaseName).Tables.Values.Select(t => (JsonObject)t.Table.DeepClone())];
        }
    }

    public void DeleteTable(string databaseName, string tableName)
    {
        lock (_gate)
        {
            Table(databaseName, tableName);
            Database(databaseName).Tables.Remove(tableName.ToLowerInvariant());
        }
    }

    /// <summary>Adds a partition; false when one with the same values exists already.</summary>
    public bool TryAddPartition(string databaseName, string tableName, JsonObject input)
    {
        lock (_gate)
        {
            var entry = Table(databaseName, tableName);
            var values = RequestMembers.Strings(input["Values"], "PartitionInput.Values");
            var keyCount = TableSchema.PartitionKeys(entry.Table).Count;
            if (values.Count != keyCount)
            {
                throw GlueErrors.InvalidInput("The number of partition keys do not match the number of partition values");
            }

            var key = CatalogTable.PartitionKey(values);
            if (entry.Partitions.ContainsKey(key))
            {
                return false;
            }

            var partition = (JsonObject)input.DeepClone();
            partition["DatabaseName"] = (string)entry.Table["DatabaseName"]!;
            partition["TableName"] = (string)entry.Table["Name"]!;
            partition["CreationTime"] = EpochSeconds.From(Now);
            partition["CatalogId"] = AccountId;
            entry.Partitions[key] = partition;
            return true;
        }
    }

    public JsonObject? FindPartition(string databaseName, string tableName, IReadOnlyList<string> values)
    {
        lock (_gate)
        {
            return Table(databaseName, tableName).Partitions.GetValueOrDefault(CatalogTable.PartitionKey(values))?.DeepClone() as JsonObject;
        }
    }

    /// <summary>The table and all its partitions in one consistent snapshot.</summary>
    public (JsonObject Table, IReadOnlyList<JsonObject> Partitions) Snapshot(string databaseName, string tableName)
    {
        lock (_gate)
        {
            var entry = Table(databaseName, tableName);
            return ((JsonObject)entry.Table.DeepClone(), [.. entry.Partitions.Values.Select(p => (JsonObject)p.DeepClone())]);
        }
    }

    /// <summary>Points an existing partition at another location (Athena's <c>ALTER TABLE … PARTITION (…) SET LOCATION</c>).</summary>
    public bool SetPartitionLocation(string databaseName, string tableName, IReadOnlyList<string> values, string location)
    {
        lock (_gate)
        {
            if (Table(databaseName, tableName).Partitions.GetValueOrDefault(CatalogTable.PartitionKey(values)) is not { } partition)
            {
                return false;
            }

            var storage = partition["StorageDescriptor"] as JsonObject ?? [];
            storage["Location"] = location;
            partition["StorageDescriptor"] = storage;
            return true;
        }
    }

    public bool RemovePartition(string databaseName, string tableName, IReadOnlyList<string> values)
    {
        lock (_gate)
        {
            return Table(databaseName, tableName).Partitions.Remove(CatalogTable.PartitionKey(values));
        }
    }

    private JsonObject NewTable(string databaseName, JsonObject input)
    {
        var table = (JsonObject)input.DeepClone();
        var now = EpochSeconds.From(Now);
        table["Name"] = Name(input, "TableInput.Name");
        table["DatabaseName"] = databaseName.ToLowerInvariant();
        table["CreateTime"] = now;
        table["UpdateTime"] = now.DeepClone();
        table["IsRegisteredWithLakeFormation"] = false;
        table["CatalogId"] = AccountId;
        table["VersionId"] = "0";
        table["CreatedBy"] ??= "arn:aws:iam::000000000000:user/localaws";
        return table;
    }

    private static string Name(JsonObject input, string member) =>
        ((string?)input["Name"] is { Length: > 0 } name ? name : throw Validation.MissingMember(member)).ToLowerInvariant();

    private CatalogDatabase Database(string name) =>
        _databases.TryGetValue(name.ToLowerInvariant(), out var database)
            ? database
            : throw GlueErrors.EntityNotFound($"Database {name} not found.");

    private CatalogTable Table(string databaseName, string tableName) =>
        Database(databaseName).Tables.TryGetValue(tableName.ToLowerInvariant(), out var table)
            ? table
            : throw GlueErrors.EntityNotFound($"Table {tableName} not found.");
}
