using System.Text.Json.Nodes;
using LocalAws.Wire;

namespace LocalAws.Athena;

/// <summary>CreateWorkGroup, GetWorkGroup.</summary>
internal sealed class WorkGroupOperations(WorkGroupStore workGroups) : IOperationGroup
{
    public void Register(OperationTable table)
    {
        table.Add(AwsService.Athena, "CreateWorkGroup", request =>
        {
            workGroups.Create(request);
            return [];
        });
        table.Add(AwsService.Athena, "GetWorkGroup", request => new JsonObject
        {
            ["WorkGroup"] = workGroups.Get(request.RequiredString("WorkGroup")),
        });
    }
}
