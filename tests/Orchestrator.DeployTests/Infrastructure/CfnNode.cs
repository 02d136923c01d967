namespace Orchestrator.DeployTests.Infrastructure;

/// <summary>A node of a CloudFormation template, with intrinsic functions (short or long form) as <see cref="CfnIntrinsic"/>.</summary>
internal abstract record CfnNode;

internal sealed record CfnScalar(string Value) : CfnNode;

internal sealed record CfnList(IReadOnlyList<CfnNode> Items) : CfnNode;

internal sealed record CfnMap(IReadOnlyDictionary<string, CfnNode> Entries) : CfnNode
{
    public CfnNode? this[string key] => Entries.GetValueOrDefault(key);

    public CfnMap Map(string key) => this[key] as CfnMap ?? throw new KeyNotFoundException($"'{key}' is not a map here.");

    public string Text(string key) => (this[key] as CfnScalar)?.Value ?? throw new KeyNotFoundException($"'{key}' is not a plain value here.");
}

/// <summary><c>Ref</c>, <c>Condition</c> or <c>Fn::Xyz</c> with its argument.</summary>
internal sealed record CfnIntrinsic(string Function, CfnNode Argument) : CfnNode;
