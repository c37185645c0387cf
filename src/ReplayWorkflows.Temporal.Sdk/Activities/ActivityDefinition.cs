using System.Reflection;

namespace Temporalio.Activities;

/// <summary>An activity as the worker runs it: name, parameter types, result type and how to invoke it.</summary>
public sealed class ActivityDefinition
{
    private readonly Func<object?[], Task<object?>> invoker;

    private ActivityDefinition(string name, Type returnType, IReadOnlyList<Type> parameterTypes, int requiredParameters, Func<object?[], Task<object?>> invoker)
    {
        Name = name;
        ReturnType = returnType;
        ParameterTypes = parameterTypes;
        RequiredParameterCount = requiredParameters;
        this.invoker = invoker;
    }

    public string Name { get; }

    /// <summary>The result type: the T of Task&lt;T&gt;, or void for Task/void methods.</summary>
    public Type ReturnType { get; }

    public IReadOnlyList<Type> ParameterTypes { get; }

    public int RequiredParameterCount { get; }

    public Task<object?> InvokeAsync(object?[] parameters) => invoker(parameters);

    /// <summary>An activity from a delegate (lambda or method group); the method needs [Activity] unless a name is given.</summary>
    public static ActivityDefinition Create(Delegate del) => Create(del.Method, del.Target);

    public static ActivityDefinition Create(MethodInfo method, object? instance, string? name = null)
    {
        var attribute = method.GetCustomAttribute<ActivityAttribute>(inherit: false);
        name ??= attribute?.Name ?? NameOf(method);
        if (!method.IsStatic && instance is null)
        {
            throw new ArgumentException($"activity {method.DeclaringType?.FullName}.{method.Name} is an instance method: pass the instance");
        }

        var parameters = method.GetParameters();
        var returnType = method.ReturnType;
        var resultType = returnType == typeof(Task) || returnType == typeof(void) ? typeof(void)
            : returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>) ? returnType.GetGenericArguments()[0]
            : typeof(Task).IsAssignableFrom(returnType) || returnType.Name.StartsWith("ValueTask", StringComparison.Ordinal)
                ? throw new ArgumentException($"activity {method.DeclaringType?.FullName}.{method.Name} returns {returnType.Name}; use Task, Task<T> or a plain value")
                : returnType;
        var required = parameters.Count(p => !p.HasDefaultValue);
        return new ActivityDefinition(name, resultType, parameters.Select(p => p.ParameterType).ToList(), required, async args =>
        {
            var full = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                full[i] = i < args.Length ? args[i] : parameters[i].HasDefaultValue ? parameters[i].DefaultValue : throw new ArgumentException($"activity {name} needs argument {parameters[i].Name}");
            }

            object? result;
            try
            {
                result = method.Invoke(instance, full);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }

            if (result is Task task)
            {
                await task.ConfigureAwait(false);
                return resultType == typeof(void) ? null : task.GetType().GetProperty("Result")!.GetValue(task);
            }

            return result;
        });
    }

    /// <summary>Every [Activity] method of a type: static ones, and instance ones when an instance is given.</summary>
    public static IReadOnlyCollection<ActivityDefinition> CreateAll(Type type, object? instance)
    {
        var flags = BindingFlags.Public | BindingFlags.Static | (instance is null ? 0 : BindingFlags.Instance);
        var all = type.GetMethods(flags).Where(m => m.IsDefined(typeof(ActivityAttribute), inherit: false)).Select(m => Create(m, m.IsStatic ? null : instance)).ToList();
        if (all.Count == 0)
        {
            throw new ArgumentException($"{type.FullName} has no public [Activity] methods");
        }

        return all;
    }

    /// <summary>The activity name of a method: its [Activity] name, else its name without a trailing Async.</summary>
    internal static string NameOf(MethodInfo method) =>
        method.GetCustomAttribute<ActivityAttribute>(inherit: false)?.Name ?? Workflows.WorkflowDefinition.TrimAsync(method.Name);
}
