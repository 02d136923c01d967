namespace LocalAws.Athena;

/// <summary>What a query string is: Athena's StatementType (DDL, DML, UTILITY) and SubstatementType.</summary>
internal sealed record StatementKind(string StatementType, string SubstatementType);
