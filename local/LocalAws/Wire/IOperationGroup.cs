namespace LocalAws.Wire;

/// <summary>A set of related operations (catalog tables, job runs, …) that adds itself to the dispatch table.</summary>
internal interface IOperationGroup
{
    void Register(OperationTable table);
}
