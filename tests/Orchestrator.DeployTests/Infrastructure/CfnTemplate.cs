using YamlDotNet.RepresentationModel;

namespace Orchestrator.DeployTests.Infrastructure;

/// <summary>
/// A CloudFormation YAML template read with YamlDotNet's representation model, which keeps the short-form tags
/// (<c>!Ref</c>, <c>!Sub</c>, <c>!GetAtt</c> …) on the nodes instead of failing on them as a plain YAML loader does.
/// </summary>
internal sealed class CfnTemplate
{
    private static readonly CfnMap Empty = new(new Dictionary<string, CfnNode>());

    private CfnTemplate(string path, CfnMap root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }

    public CfnMap Root { get; }

    public CfnMap Parameters => Root["Parameters"] as CfnMap ?? Empty;

    public CfnMap Resources => Root["Resources"] as CfnMap ?? Empty;

    public CfnMap Conditions => Root["Conditions"] as CfnMap ?? Empty;

    public CfnMap Outputs => Root["Outputs"] as CfnMap ?? Empty;

    public static CfnTemplate Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return new CfnTemplate(path, Convert(stream.Documents[0].RootNode) as CfnMap
            ?? throw new InvalidDataException($"{path}: the document is not a map."));
    }

    public CfnMap Resource(string logicalId) => Resources.Map(logicalId);

    public CfnMap Properties(string logicalId) => Resource(logicalId).Map("Properties");

    public string TypeOf(string logicalId) => Resource(logicalId).Text("Type");

    public IEnumerable<string> ResourcesOfType(string type) =>
        Resources.Entries.Where(r => r.Value is CfnMap m && m["Type"] is CfnScalar t && t.Value == type).Select(r => r.Key);

    public static CfnNode Convert(YamlNode node)
    {
        CfnNode value = node switch
        {
            YamlScalarNode scalar => new CfnScalar(scalar.Value ?? ""),
            YamlSequenceNode sequence => new CfnList(sequence.Children.Select(Convert).ToList()),
            YamlMappingNode mapping => ConvertMap(mapping),
            _ => throw new InvalidDataException($"Unsupported YAML node at {node.Start}."),
        };
        if (node.Tag.IsEmpty || !node.Tag.Value.StartsWith('!') || node.Tag.Value.StartsWith("!!", StringComparison.Ordinal))
        {
            return value;
        }

        string tag = node.Tag.Value[1..];
        return new CfnIntrinsic(tag is "Ref" or "Condition" ? tag : "Fn::" + tag, value);
    }

    private static CfnNode ConvertMap(YamlMappingNode mapping)
    {
        var entries = new Dictionary<string, CfnNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            string name = ((YamlScalarNode)key).Value ?? "";
            if (!entries.TryAdd(name, Convert(value)))
            {
                throw new InvalidDataException($"Duplicate key '{name}' at {key.Start} (CloudFormation would keep only one).");
            }
        }

        if (entries.Count == 1 && entries.Keys.Single() is var only && (only == "Ref" || only.StartsWith("Fn::", StringComparison.Ordinal)))
        {
            return new CfnIntrinsic(only, entries[only]);
        }

        return new CfnMap(entries);
    }
}
