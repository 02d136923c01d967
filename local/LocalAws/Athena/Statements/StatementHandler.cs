namespace LocalAws.Athena.Statements;

/// <summary>Which part of the emulator runs a statement.</summary>
internal enum StatementHandler
{
    Unsupported,
    CreateTable,
    CreateTableAsSelect,
    DropTable,
    AddPartition,
    DropPartition,
    SetPartitionLocation,
    MsckRepair,
    Optimize,
    Vacuum,
    Select,
}
