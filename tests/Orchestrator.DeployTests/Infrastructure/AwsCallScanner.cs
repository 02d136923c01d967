using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;

namespace Orchestrator.DeployTests.Infrastructure;

/// <summary>
/// Finds the AWS operations the orchestrator's compiled code calls, by reading the IL of its assemblies: every call to a
/// method of an AWS client interface (<c>IAmazonSQS.ReceiveMessageAsync</c>, <c>IAmazonGlue.StartJobRunAsync</c> …) that is
/// reachable from the domain code. Helpers inside the client layer (<c>Orchestrator.Jobs.Aws</c>, e.g. paging extensions)
/// only count when domain code uses them, so an operation the clients know but nothing calls needs no permission.
/// Lambdas, local functions and async/iterator state machines are attributed to the method they were written in.
/// </summary>
internal static partial class AwsCallScanner
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The operations, as (client interface, method name without <c>Async</c>), reachable from outside <paramref name="clientNamespace"/>.</summary>
    public static IReadOnlySet<(Type Client, string Operation)> Scan(
        IEnumerable<Assembly> assemblies, IReadOnlyCollection<Type> clients, string clientNamespace, IReadOnlySet<Type>? excludedOwners = null)
    {
        var calls = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var operations = new Dictionary<string, HashSet<(Type, string)>>(StringComparer.Ordinal);
        var roots = new HashSet<string>(StringComparer.Ordinal);
        var ours = assemblies.ToHashSet();
        foreach (var assembly in ours)
        {
            foreach (var type in assembly.GetTypes())
            {
                const BindingFlags all = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
                foreach (MethodBase method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
                {
                    var (owner, node) = Node(method);
                    if (excludedOwners?.Contains(owner) == true)
                    {
                        continue; // not run by the task (e.g. operator commands, run with an operator's own credentials)
                    }

                    if (!(owner.Namespace ?? "").StartsWith(clientNamespace, StringComparison.Ordinal))
                    {
                        roots.Add(node);
                    }

                    foreach (var callee in Callees(method))
                    {
                        if (clients.FirstOrDefault(c => Implements(callee.DeclaringType, c)) is { } client && callee.Name.EndsWith("Async", StringComparison.Ordinal))
                        {
                            Add(operations, node, (client, callee.Name[..^"Async".Length]));
                        }
                        else if (callee.DeclaringType is { } declaring && ours.Contains(declaring.Assembly))
                        {
                            Add(calls, node, Node(callee).Node);
                        }
                    }
                }
            }
        }

        var reached = new HashSet<string>(roots, StringComparer.Ordinal);
        var pending = new Queue<string>(roots);
        while (pending.TryDequeue(out string? node))
        {
            foreach (string next in calls.GetValueOrDefault(node) ?? [])
            {
                if (reached.Add(next))
                {
                    pending.Enqueue(next);
                }
            }
        }

        return reached.SelectMany(n => operations.GetValueOrDefault(n) ?? []).ToHashSet();
    }

    private static bool Implements(Type? type, Type client) => type is not null && (type == client || client.IsAssignableFrom(type));

    private static void Add<T>(Dictionary<string, HashSet<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = [];
        }

        set.Add(value);
    }

    /// <summary>The method as written in source: compiler-generated types and methods map back to their user method.</summary>
    private static (Type Owner, string Node) Node(MethodBase method)
    {
        var type = method.DeclaringType!;
        string? name = Written().Match(method.Name) is { Success: true } m ? m.Groups[1].Value : null;
        while (type.IsNested && type.Name.StartsWith('<'))
        {
            name ??= Written().Match(type.Name) is { Success: true } t ? t.Groups[1].Value : null;
            type = type.DeclaringType!;
        }

        if (type.IsGenericType)
        {
            type = type.GetGenericTypeDefinition();
        }

        return (type, $"{type.FullName}::{name ?? method.Name}");
    }

    [GeneratedRegex("<([^<>]+)>")]
    private static partial Regex Written();

    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception ex) when (ex is InvalidOperationException or BadImageFormatException)
        {
            yield break;
        }

        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            var opCode = OpCodesByValue[value];
            i += opCode.Size;
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                int token = BitConverter.ToInt32(il, i);
                MethodBase? callee = null;
                try
                {
                    callee = method.Module.ResolveMethod(token, typeArguments, methodArguments);
                }
                catch (Exception ex) when (ex is ArgumentException or TypeLoadException or FileNotFoundException or BadImageFormatException)
                {
                    // A reference this runtime cannot resolve is not an AWS client call (those resolve: the SDK is loaded).
                }

                if (callee is not null)
                {
                    yield return callee;
                }
            }

            i += OperandSize(opCode.OperandType, il, i);
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
