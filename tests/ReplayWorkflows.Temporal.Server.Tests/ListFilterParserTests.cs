using ReplayWorkflows.Temporal.Api.Grpc;
using ReplayWorkflows.Temporal.Server.Visibility;

namespace ReplayWorkflows.Temporal.Server.Tests;

public sealed class ListFilterParserTests
{
    [Fact]
    public void And_binds_tighter_than_or_and_parentheses_override()
    {
        var filter = ListFilterParser.Parse("WorkflowType = 'a' OR WorkflowType = 'b' AND (ExecutionStatus = 'Running' OR TaskQueue != 'q')");
        var or = filter.Where.ShouldBeOfType<OrNode>();
        or.Left.ShouldBeOfType<CompareNode>().Value.Text.ShouldBe("a");
        var and = or.Right.ShouldBeOfType<AndNode>();
        and.Right.ShouldBeOfType<OrNode>();
    }

    [Fact]
    public void In_between_starts_with_and_order_by_are_understood()
    {
        var filter = ListFilterParser.Parse(
            "WorkflowId IN ('x', \"y\") AND StartTime BETWEEN '2024-01-01T00:00:00Z' AND '2025-01-01T00:00:00Z' AND WorkflowId STARTS_WITH 'pre' ORDER BY StartTime DESC, WorkflowId");
        filter.OrderBy.ShouldBe([new SortKey("StartTime", true), new SortKey("WorkflowId", false)]);
        var text = filter.Where!.ToString();
        text.ShouldContain("InNode");
        text.ShouldContain("BetweenNode");
        text.ShouldContain("STARTS_WITH");
    }

    [Fact]
    public void Empty_query_matches_everything()
    {
        ListFilterParser.Parse("").Where.ShouldBeNull();
        ListFilterParser.Parse("ORDER BY CloseTime").OrderBy.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("WorkflowType = ", 16)]
    [InlineData("WorkflowType 'x'", 14)]
    [InlineData("(WorkflowType = 'x'", 20)]
    [InlineData("WorkflowType = 'x' AND", 23)]
    public void Bad_queries_are_invalid_argument_with_the_position(string query, int position)
    {
        var error = Should.Throw<GrpcException>(() => ListFilterParser.Parse(query));
        error.StatusCode.ShouldBe(GrpcStatusCode.InvalidArgument);
        error.Message.ShouldContain($"position {position}");
    }

    [Fact]
    public void Unterminated_string_is_reported_where_it_starts()
    {
        var error = Should.Throw<GrpcException>(() => ListFilterParser.Parse("WorkflowId = 'abc"));
        error.Message.ShouldContain("position 14");
    }
}
