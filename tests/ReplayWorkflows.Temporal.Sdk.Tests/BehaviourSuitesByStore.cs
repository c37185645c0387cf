namespace ReplayWorkflows.Temporal.Sdk.Tests;

// The behaviour suites run against both stores of the dev server: in memory, and on a SQLite file (the product's
// default), since the server writes and reloads differently for each.

public sealed class ActivityTimeoutTestsInMemory(DevServerFixture server) : ActivityTimeoutTests(server), IClassFixture<DevServerFixture>
{
}

public sealed class ActivityTimeoutTestsOnFile(FileDevServerFixture server) : ActivityTimeoutTests(server), IClassFixture<FileDevServerFixture>
{
}

public sealed class IdPolicyTestsInMemory(DevServerFixture server) : IdPolicyTests(server), IClassFixture<DevServerFixture>
{
}

public sealed class IdPolicyTestsOnFile(FileDevServerFixture server) : IdPolicyTests(server), IClassFixture<FileDevServerFixture>
{
}

public sealed class LocalActivityTestsInMemory(DevServerFixture server) : LocalActivityTests(server), IClassFixture<DevServerFixture>
{
}

public sealed class LocalActivityTestsOnFile(FileDevServerFixture server) : LocalActivityTests(server), IClassFixture<FileDevServerFixture>
{
}

public sealed class ParentClosePolicyTestsInMemory(DevServerFixture server) : ParentClosePolicyTests(server), IClassFixture<DevServerFixture>
{
}

public sealed class ParentClosePolicyTestsOnFile(FileDevServerFixture server) : ParentClosePolicyTests(server), IClassFixture<FileDevServerFixture>
{
}

public sealed class PatchTestsInMemory(DevServerFixture server) : PatchTests(server), IClassFixture<DevServerFixture>
{
}

public sealed class PatchTestsOnFile(FileDevServerFixture server) : PatchTests(server), IClassFixture<FileDevServerFixture>
{
}

public sealed class PayloadCodecTestsInMemory(DevServerFixture server) : PayloadCodecTests(server), IClassFixture<DevServerFixture>
{
}

public sealed class PayloadCodecTestsOnFile(FileDevServerFixture server) : PayloadCodecTests(server), IClassFixture<FileDevServerFixture>
{
}

public sealed class WorkflowBehaviourTestsInMemory(DevServerFixture server) : WorkflowBehaviourTests(server), IClassFixture<DevServerFixture>
{
}

public sealed class WorkflowBehaviourTestsOnFile(FileDevServerFixture server) : WorkflowBehaviourTests(server), IClassFixture<FileDevServerFixture>
{
}

public sealed class WorkflowContextTestsInMemory(DevServerFixture server) : WorkflowContextTests(server), IClassFixture<DevServerFixture>
{
}

public sealed class WorkflowContextTestsOnFile(FileDevServerFixture server) : WorkflowContextTests(server), IClassFixture<FileDevServerFixture>
{
}

public sealed class WorkflowCoordinationTestsInMemory(DevServerFixture server) : WorkflowCoordinationTests(server), IClassFixture<DevServerFixture>
{
}

public sealed class WorkflowCoordinationTestsOnFile(FileDevServerFixture server) : WorkflowCoordinationTests(server), IClassFixture<FileDevServerFixture>
{
}
