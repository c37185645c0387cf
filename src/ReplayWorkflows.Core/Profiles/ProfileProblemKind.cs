namespace ReplayWorkflows.Core.Profiles;

public enum ProfileProblemKind
{
    Syntax,
    MissingField,
    UnknownField,
    InvalidValue,
    UnknownPlugin,
    UnknownVersion,
    WrongSlot,
    SlotCount,
    DuplicatePlugin,
    DependencyCycle,
    MissingDependency,
    InvalidDependency,
    InvalidConfiguration,
}
