namespace Temporalio.Activities;

/// <summary>Marks an activity method; the name defaults to the method name without a trailing Async.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ActivityAttribute : Attribute
{
    public ActivityAttribute()
    {
    }

    public ActivityAttribute(string name) => Name = name;

    public string? Name { get; }

    public bool Dynamic { get; set; }
}
