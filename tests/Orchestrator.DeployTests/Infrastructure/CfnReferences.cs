using System.Text.RegularExpressions;

namespace Orchestrator.DeployTests.Infrastructure;

/// <summary>
/// Every reference of a template: <c>Ref</c>, <c>Fn::GetAtt</c>, the <c>${…}</c> of <c>Fn::Sub</c>, <c>DependsOn</c> and the
/// conditions of <c>Fn::If</c> and <c>Condition:</c>. A reference to a conditional resource is only valid where that
/// condition is known to hold (inside the resource's own condition or the true branch of an <c>Fn::If</c> on it), otherwise
/// CloudFormation fails the stack when the condition is false.
/// </summary>
internal static partial class CfnReferences
{
    public static readonly IReadOnlySet<string> PseudoParameters = new HashSet<string>(StringComparer.Ordinal)
    {
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId",
        "AWS::StackName", "AWS::URLSuffix",
    };

    public static IReadOnlyList<string> Problems(CfnTemplate template)
    {
        var problems = new List<string>();
        var checker = new Checker(template, problems);
        foreach (var (id, node) in template.Resources.Entries)
        {
            var resource = (CfnMap)node;
            var held = new HashSet<string>(StringComparer.Ordinal);
            if (resource["Condition"] is CfnScalar condition)
            {
                checker.Condition(condition.Value, $"Resources.{id}.Condition");
                held.Add(condition.Value);
            }

            foreach (var dependency in DependsOn(resource["DependsOn"]))
            {
                checker.Resource(dependency, held, $"Resources.{id}.DependsOn");
            }

            checker.Walk(resource["Properties"], held, $"Resources.{id}");
        }

        foreach (var (id, node) in template.Outputs.Entries)
        {
            var output = (CfnMap)node;
            var held = new HashSet<string>(StringComparer.Ordinal);
            if (output["Condition"] is CfnScalar condition)
            {
                checker.Condition(condition.Value, $"Outputs.{id}.Condition");
                held.Add(condition.Value);
            }

            checker.Walk(output["Value"], held, $"Outputs.{id}");
        }

        foreach (var (id, node) in template.Conditions.Entries)
        {
            checker.Walk(node, new HashSet<string>(StringComparer.Ordinal), $"Conditions.{id}");
        }

        return problems;
    }

    /// <summary>The names a <c>Fn::Sub</c> string refers to (<c>${!Literal}</c> is not a reference).</summary>
    public static IEnumerable<string> SubVariables(string text) => SubVariable().Matches(text).Select(m => m.Groups[1].Value);

    private static IEnumerable<string> DependsOn(CfnNode? node) => node switch
    {
        CfnScalar s => [s.Value],
        CfnList l => l.Items.OfType<CfnScalar>().Select(s => s.Value),
        _ => [],
    };

    [GeneratedRegex(@"\$\{([^!}][^}]*)\}")]
    private static partial Regex SubVariable();

    private sealed class Checker(CfnTemplate template, List<string> problems)
    {
        public void Walk(CfnNode? node, HashSet<string> held, string at)
        {
            switch (node)
            {
                case CfnMap map:
                    foreach (var (key, child) in map.Entries)
                    {
                        Walk(child, held, $"{at}.{key}");
                    }

                    break;
                case CfnList list:
                    for (int i = 0; i < list.Items.Count; i++)
                    {
                        Walk(list.Items[i], held, $"{at}[{i}]");
                    }

                    break;
                case CfnIntrinsic intrinsic:
                    Intrinsic(intrinsic, held, at);
                    break;
            }
        }

        private void Intrinsic(CfnIntrinsic intrinsic, HashSet<string> held, string at)
        {
            switch (intrinsic.Function, intrinsic.Argument)
            {
                case ("Ref", CfnScalar name):
                    Name(name.Value, held, at);
                    break;
                case ("Fn::GetAtt", CfnScalar dotted):
                    Resource(dotted.Value.Split('.')[0], held, at);
                    break;
                case ("Fn::GetAtt", CfnList { Items: [CfnScalar resource, ..] }):
                    Resource(resource.Value, held, at);
                    break;
                case ("Fn::Sub", CfnScalar text):
                    Sub(text.Value, new HashSet<string>(StringComparer.Ordinal), held, at);
                    break;
                case ("Fn::Sub", CfnList { Items: [CfnScalar text, CfnMap variables] }):
                    Walk(variables, held, at);
                    Sub(text.Value, variables.Entries.Keys.ToHashSet(StringComparer.Ordinal), held, at);
                    break;
                case ("Fn::If", CfnList { Items: [CfnScalar condition, var whenTrue, var whenFalse] }):
                    Condition(condition.Value, at);
                    Walk(whenTrue, [.. held, condition.Value], at + "(true)");
                    Walk(whenFalse, held, at + "(false)");
                    break;
                case ("Condition", CfnScalar condition):
                    Condition(condition.Value, at);
                    break;
                case ("Fn::Sub" or "Fn::If" or "Fn::GetAtt" or "Ref", _):
                    problems.Add($"{at}: malformed {intrinsic.Function}.");
                    break;
                default:
                    Walk(intrinsic.Argument, held, at);
                    break;
            }
        }

        private void Sub(string text, HashSet<string> locals, HashSet<string> held, string at)
        {
            foreach (string variable in SubVariables(text))
            {
                if (locals.Contains(variable))
                {
                    continue;
                }

                if (variable.Contains('.', StringComparison.Ordinal) && !variable.StartsWith("AWS::", StringComparison.Ordinal))
                {
                    Resource(variable.Split('.')[0], held, at);
                }
                else
                {
                    Name(variable, held, at);
                }
            }
        }

        private void Name(string name, HashSet<string> held, string at)
        {
            if (PseudoParameters.Contains(name) || template.Parameters[name] is not null)
            {
                return;
            }

            Resource(name, held, at);
        }

        public void Resource(string name, HashSet<string> held, string at)
        {
            if (template.Resources[name] is not CfnMap resource)
            {
                problems.Add($"{at}: '{name}' is not a resource{(name.Contains('.', StringComparison.Ordinal) ? "" : ", parameter or pseudo-parameter")}.");
                return;
            }

            if (resource["Condition"] is CfnScalar condition && !held.Contains(condition.Value))
            {
                problems.Add($"{at}: '{name}' exists only when {condition.Value} holds, which is not known here (guard it with Fn::If).");
            }
        }

        public void Condition(string name, string at)
        {
            if (template.Conditions[name] is null)
            {
                problems.Add($"{at}: '{name}' is not a condition.");
            }
        }
    }
}
