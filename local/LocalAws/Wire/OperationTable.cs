using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace LocalAws.Wire;

/// <summary>Dispatch from X-Amz-Target to a handler.</summary>
internal sealed class OperationTable
{
    private readonly Dictionary<string, Operation> _operations = new(StringComparer.Ordinal);

    public OperationTable(IEnumerable<IOperationGroup> groups)
    {
        foreach (var group in groups)
        {
            group.Register(this);
        }
    }

    public void Add(AwsService service, string name, Func<JsonObject, CancellationToken, Task<JsonObject>> handler)
    {
        var operation = new Operation(service, name, handler);
        _operations.Add(operation.Target, operation);
    }

    public void Add(AwsService service, string name, Func<JsonObject, JsonObject> handler) =>
        Add(service, name, (request, _) => Task.FromResult(handler(request)));

    public bool TryGet(string target, [NotNullWhen(true)] out Operation? operation) => _operations.TryGetValue(target, out operation);

    /// <summary>Calls an operation directly, as the seed file does, with the same validation as over HTTP.</summary>
    public Task<JsonObject> InvokeAsync(AwsService service, string name, JsonObject request, CancellationToken cancellationToken)
    {
        var target = new Operation(service, name, (_, _) => Task.FromResult(new JsonObject())).Target;
        return _operations[target].Handler(request, cancellationToken);
    }
}
