using System.Linq.Expressions;
using System.Reflection;

namespace Temporalio.Common;

/// <summary>Reads the method and argument values out of call lambdas such as <c>(MyWorkflow wf) => wf.RunAsync(input)</c>.</summary>
internal static class ExpressionUtil
{
    public static (MethodInfo Method, IReadOnlyCollection<object?> Args) ExtractCall(LambdaExpression expression)
    {
        var body = expression.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : expression.Body;
        if (body is not MethodCallExpression call)
        {
            throw new ArgumentException($"expression must be a single method call, for example wf => wf.RunAsync(arg); got {expression}");
        }

        var args = call.Arguments.Select(Evaluate).ToList();
        return (call.Method, args);
    }

    /// <summary>A member access (property getter) or a method call, for queries.</summary>
    public static (MemberInfo Member, IReadOnlyCollection<object?> Args) ExtractMemberOrCall(LambdaExpression expression)
    {
        var body = expression.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : expression.Body;
        return body switch
        {
            MemberExpression { Member: PropertyInfo property } => (property, []),
            MethodCallExpression call => (call.Method, call.Arguments.Select(Evaluate).ToList()),
            _ => throw new ArgumentException($"expression must be a property or a method call; got {expression}"),
        };
    }

    private static object? Evaluate(Expression argument) =>
        argument is ConstantExpression constant
            ? constant.Value
            : Expression.Lambda(argument).Compile(preferInterpretation: true).DynamicInvoke();
}
