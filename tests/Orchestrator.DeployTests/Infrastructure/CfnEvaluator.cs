using System.Globalization;

namespace Orchestrator.DeployTests.Infrastructure;

/// <summary>
/// Evaluates template values the way CloudFormation would for one set of parameter values, with plausible placeholders
/// for what only exists after deployment (queue URLs, ARNs, endpoints). Enough to see the configuration a task gets.
/// </summary>
internal sealed class CfnEvaluator
{
    public const string Region = "eu-west-1";
    public const string Account = "123456789012";

    private readonly CfnTemplate template;
    private readonly Dictionary<string, object?> parameters = new(StringComparer.Ordinal);

    public CfnEvaluator(CfnTemplate template, IReadOnlyDictionary<string, string> overrides)
    {
        this.template = template;
        foreach (var (name, node) in template.Parameters.Entries)
        {
            var parameter = (CfnMap)node;
            string type = parameter.Text("Type");
            string? value = overrides.GetValueOrDefault(name) ?? (parameter["Default"] as CfnScalar)?.Value;
            parameters[name] = type.StartsWith("List<", StringComparison.Ordinal) || type == "CommaDelimitedList"
                ? (value ?? $"{name}-a,{name}-b").Split(',').Cast<object?>().ToList()
                : value ?? $"placeholder-{name.ToLowerInvariant()}";
        }
    }

    public object? Evaluate(CfnNode? node) => node switch
    {
        null => null,
        CfnScalar scalar => scalar.Value,
        CfnList list => list.Items.Select(Evaluate).Where(v => v is not NoValue).ToList(),
        CfnMap map => map.Entries.Select(e => (e.Key, Value: Evaluate(e.Value))).Where(e => e.Value is not NoValue)
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
        CfnIntrinsic intrinsic => Intrinsic(intrinsic),
        _ => throw new InvalidOperationException(),
    };

    public string Text(CfnNode? node) => Evaluate(node) as string ?? throw new InvalidOperationException($"{node} is not a string value.");

    public bool Condition(string name) => Evaluate(template.Conditions[name]) is true;

    /// <summary>What <c>AWS::NoValue</c> evaluates to: the property is left out.</summary>
    public sealed class NoValue
    {
        public static readonly NoValue Instance = new();
    }

    private object? Intrinsic(CfnIntrinsic intrinsic)
    {
        switch (intrinsic.Function, intrinsic.Argument)
        {
            case ("Ref", CfnScalar name):
                return Ref(name.Value);
            case ("Fn::GetAtt", CfnScalar dotted):
                return GetAtt(dotted.Value[..dotted.Value.IndexOf('.', StringComparison.Ordinal)], dotted.Value[(dotted.Value.IndexOf('.', StringComparison.Ordinal) + 1)..]);
            case ("Fn::GetAtt", CfnList { Items: [CfnScalar resource, CfnScalar attribute] }):
                return GetAtt(resource.Value, attribute.Value);
            case ("Fn::Sub", CfnScalar text):
                return Sub(text.Value, new Dictionary<string, object?>(StringComparer.Ordinal));
            case ("Fn::Sub", CfnList { Items: [CfnScalar text, CfnMap variables] }):
                return Sub(text.Value, variables.Entries.ToDictionary(e => e.Key, e => Evaluate(e.Value), StringComparer.Ordinal));
            case ("Fn::If", CfnList { Items: [CfnScalar condition, var whenTrue, var whenFalse] }):
                return Evaluate(Condition(condition.Value) ? whenTrue : whenFalse);
            case ("Fn::Equals", CfnList { Items: [var left, var right] }):
                return Equals(Evaluate(left), Evaluate(right));
            case ("Fn::Not", CfnList { Items: [var operand] }):
                return Evaluate(operand) is not true;
            case ("Fn::And", CfnList operands):
                return operands.Items.All(o => Evaluate(o) is true);
            case ("Fn::Or", CfnList operands):
                return operands.Items.Any(o => Evaluate(o) is true);
            case ("Condition", CfnScalar name):
                return Condition(name.Value);
            case ("Fn::Select", CfnList { Items: [var index, var list] }):
                return ((IList<object?>)Evaluate(list)!)[int.Parse(Text(index), CultureInfo.InvariantCulture)];
            case ("Fn::Join", CfnList { Items: [var separator, var parts] }):
                return string.Join(Text(separator), (IEnumerable<object?>)Evaluate(parts)!);
            default:
                throw new NotSupportedException($"{intrinsic.Function} is not evaluated by the tests; add it to CfnEvaluator.");
        }
    }

    private object? Ref(string name) => name switch
    {
        "AWS::Region" => Region,
        "AWS::AccountId" => Account,
        "AWS::Partition" => "aws",
        "AWS::StackName" => "orchestrator",
        "AWS::URLSuffix" => "amazonaws.com",
        "AWS::StackId" => $"arn:aws:cloudformation:{Region}:{Account}:stack/orchestrator/1",
        "AWS::NoValue" => NoValue.Instance,
        _ when parameters.TryGetValue(name, out var value) => value,
        _ => ResourceRef(name),
    };

    /// <summary>What <c>Ref</c> returns for a resource: its name where the type's Ref is a name, else a placeholder.</summary>
    private string ResourceRef(string id)
    {
        var properties = template.Resource(id)["Properties"] as CfnMap;
        string? Named(params string[] path)
        {
            CfnNode? node = properties;
            foreach (string key in path)
            {
                node = (node as CfnMap)?[key];
            }

            return node is null ? null : Text(node);
        }

        return template.TypeOf(id) switch
        {
            "AWS::SQS::Queue" => $"https://sqs.{Region}.amazonaws.com/{Account}/{id}",
            "AWS::S3::Bucket" => Named("BucketName") ?? id.ToLowerInvariant(),
            "AWS::Glue::Database" => Named("DatabaseInput", "Name")!,
            "AWS::Glue::Table" => Named("TableInput", "Name")!,
            "AWS::Glue::Job" => Named("Name") ?? id,
            "AWS::Logs::LogGroup" => Named("LogGroupName") ?? id,
            "AWS::SecretsManager::Secret" => $"arn:aws:secretsmanager:{Region}:{Account}:secret:{id}-AbCdEf",
            _ => $"{id.ToLowerInvariant()}-ref",
        };
    }

    private static string GetAtt(string resource, string attribute) => attribute switch
    {
        _ when attribute.EndsWith("Port", StringComparison.Ordinal) => "5432",
        "Endpoint.Address" => $"{resource.ToLowerInvariant()}.abcdefghij.{Region}.rds.amazonaws.com",
        _ => $"{resource.ToLowerInvariant()}-{attribute.ToLowerInvariant().Replace('.', '-')}",
    };

    private string Sub(string text, Dictionary<string, object?> locals)
    {
        string result = text;
        foreach (string variable in CfnReferences.SubVariables(text).Distinct())
        {
            object? value = locals.TryGetValue(variable, out var local) ? local
                : variable.Contains('.', StringComparison.Ordinal) && !variable.StartsWith("AWS::", StringComparison.Ordinal)
                    ? GetAtt(variable[..variable.IndexOf('.', StringComparison.Ordinal)], variable[(variable.IndexOf('.', StringComparison.Ordinal) + 1)..])
                    : Ref(variable);
            result = result.Replace("${" + variable + "}", value as string ?? throw new InvalidOperationException($"${{{variable}}} is not a string."), StringComparison.Ordinal);
        }

        return result.Replace("${!", "${", StringComparison.Ordinal);
    }
}
