namespace LocalAws.Athena;

/// <summary>One ColumnInfo: Athena type name plus precision and scale (decimals) for ResultSetMetadata.</summary>
internal sealed record ResultColumn(string Name, string Type, int Precision, int Scale);
