namespace Orchestrator.Jobs.Aws.Glue.Model;

/// <summary>Output of <c>AWSGlue.GetTableOptimizer</c>; a table without that optimizer is an EntityNotFoundException instead.</summary>
public sealed class GetTableOptimizerResponse : AmazonWebServiceResponse
{
    public string? CatalogId { get; set; }

    public string? DatabaseName { get; set; }

    public string? TableName { get; set; }

    public TableOptimizer? TableOptimizer { get; set; }
}
