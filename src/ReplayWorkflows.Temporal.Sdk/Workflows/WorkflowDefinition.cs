using System.Collections.Concurrent;
using System.Reflection;

namespace Temporalio.Workflows;

/// <summary>A workflow type as the SDK sees it: name, run method, signal and query handlers, init constructor.</summary>
public sealed class WorkflowDefinition
{
    private static readonly ConcurrentDictionary<Type, WorkflowDefinition> Cache = new();

    private WorkflowDefinition(
        string name, Type type, MethodInfo runMethod, ConstructorInfo? initConstructor,
        IReadOnlyDictionary<string, MethodInfo> signals, IReadOnlyDictionary<string, MethodInfo> queries, IReadOnlyCollection<Type>? failureExceptionTypes)
    {
        FailureExceptionTypes = failureExceptionTypes;
        Name = name;
        Type = type;
        RunMethod = runMethod;
        InitConstructor = initConstructor;
        Signals = signals;
        Queries = queries;
    }

    public string Name { get; }

    public Type Type { get; }

    public MethodInfo RunMethod { get; }

    internal ConstructorInfo? InitConstructor { get; }

    public IReadOnlyDictionary<string, MethodInfo> Signals { get; }

    public IReadOnlyDictionary<string, MethodInfo> Queries { get; }

    /// <summary>From <see cref="WorkflowAttribute.FailureExceptionTypes"/>.</summary>
    public IReadOnlyCollection<Type>? FailureExceptionTypes { get; }

    /// <summary>The run method's result type (null for a plain Task).</summary>
    internal Type? ResultType => RunMethod.ReturnType.IsGenericType ? RunMethod.ReturnType.GetGenericArguments()[0] : null;

    public static WorkflowDefinition Create(Type type) => Cache.GetOrAdd(type, Build);

    /// <summary>The workflow type name of a class or interface without building the whole definition.</summary>
    internal static string NameOf(Type type)
    {
        var attribute = type.GetCustomAttribute<WorkflowAttribute>(inherit: false)
            ?? throw new ArgumentException($"{type.FullName} has no [Workflow] attribute");
        return attribute.Name ?? DefaultName(type);
    }

    /// <summary>The signal name of a [WorkflowSignal] method.</summary>
    internal static string SignalNameOf(MethodInfo method) =>
        method.GetCustomAttribute<WorkflowSignalAttribute>()?.Name ?? TrimAsync(method.Name);

    /// <summary>The query name of a [WorkflowQuery] method or property getter.</summary>
    internal static string QueryNameOf(MemberInfo member) =>
        member.GetCustomAttribute<WorkflowQueryAttribute>()?.Name ?? member.Name;

    internal static string TrimAsync(string name) =>
        name.Length > 5 && name.EndsWith("Async", StringComparison.Ordinal) ? name[..^5] : name;

    private static string DefaultName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick > 0)
        {
            name = name[..tick];
        }

        return type.IsInterface && name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]) ? name[1..] : name;
    }

    private static WorkflowDefinition Build(Type type)
    {
        var name = NameOf(type);
        var flags = BindingFlags.Public | BindingFlags.Instance;
        var runs = type.GetMethods(flags).Where(m => m.IsDefined(typeof(WorkflowRunAttribute), inherit: false)).ToList();
        if (runs.Count != 1)
        {
            throw new ArgumentException(runs.Count == 0
                ? $"workflow {type.FullName} has no public [WorkflowRun] method"
                : $"workflow {type.FullName} has {runs.Count} [WorkflowRun] methods ({string.Join(", ", runs.Select(r => r.Name))}); it must have exactly one");
        }

        var run = runs[0];
        if (!typeof(Task).IsAssignableFrom(run.ReturnType))
        {
            throw new ArgumentException($"[WorkflowRun] method {type.FullName}.{run.Name} must return Task or Task<T>, not {run.ReturnType.Name}");
        }

        var signals = new Dictionary<string, MethodInfo>(StringComparer.Ordinal);
        foreach (var method in type.GetMethods(flags).Where(m => m.IsDefined(typeof(WorkflowSignalAttribute), inherit: false)))
        {
            if (method.ReturnType != typeof(Task) && method.ReturnType != typeof(void))
            {
                throw new ArgumentException($"[WorkflowSignal] method {type.FullName}.{method.Name} must return Task");
            }

            var signalName = SignalNameOf(method);
            if (!signals.TryAdd(signalName, method))
            {
                throw new ArgumentException($"workflow {type.FullName} has two signal handlers named {signalName}");
            }
        }

        var queries = new Dictionary<string, MethodInfo>(StringComparer.Ordinal);
        foreach (var method in type.GetMethods(flags).Where(m => m.IsDefined(typeof(WorkflowQueryAttribute), inherit: false)))
        {
            AddQuery(type, queries, QueryNameOf(method), method);
        }

        foreach (var property in type.GetProperties(flags).Where(p => p.IsDefined(typeof(WorkflowQueryAttribute), inherit: false)))
        {
            AddQuery(type, queries, QueryNameOf(property), property.GetMethod
                ?? throw new ArgumentException($"[WorkflowQuery] property {type.FullName}.{property.Name} has no getter"));
        }

        ConstructorInfo? init = null;
        if (!type.IsInterface)
        {
            init = type.GetConstructors().FirstOrDefault(c => c.IsDefined(typeof(WorkflowInitAttribute), inherit: false));
            if (init is not null && !init.GetParameters().Select(p => p.ParameterType).SequenceEqual(run.GetParameters().Select(p => p.ParameterType)))
            {
                throw new ArgumentException($"[WorkflowInit] constructor of {type.FullName} must take the same parameters as {run.Name}");
            }

            if (init is null && type.GetConstructor(Type.EmptyTypes) is null)
            {
                throw new ArgumentException($"workflow {type.FullName} needs a public parameterless constructor or a [WorkflowInit] one");
            }
        }

        var failureTypes = type.GetCustomAttribute<WorkflowAttribute>(inherit: false)?.FailureExceptionTypes;
        return new WorkflowDefinition(name, type, run, init, signals, queries, failureTypes);
    }

    private static void AddQuery(Type type, Dictionary<string, MethodInfo> queries, string name, MethodInfo method)
    {
        if (typeof(Task).IsAssignableFrom(method.ReturnType) || method.ReturnType == typeof(void))
        {
            throw new ArgumentException($"[WorkflowQuery] {type.FullName}.{method.Name} must return a value synchronously");
        }

        if (!queries.TryAdd(name, method))
        {
            throw new ArgumentException($"workflow {type.FullName} has two query handlers named {name}");
        }
    }
}
