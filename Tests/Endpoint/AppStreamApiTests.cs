using System.Text.Json;
using RegionSim.Silo.AppStream;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Endpoint;

/// <summary>The API without HTTP, as a script runner calls it in process with a cluster's grain factory.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AppStreamApiTests(ClusterFixture fixture)
{
    private AppStreamApi Api => new(fixture.Grains);

    [Fact]
    public async Task An_operation_answers_its_output_json()
    {
        var account = TestAccounts.NewAccount();
        var image = await fixture.NewAvailableImageAsync(account);

        var answer = await Api.InvokeAsync(account, ImageSetup.Region, "DescribeImages", $$"""{"Names": ["{{image}}"]}""");

        Assert.False(answer.IsError);
        Assert.Equal(200, answer.StatusCode);
        var described = JsonDocument.Parse(answer.Json).RootElement.GetProperty("Images")[0];
        Assert.Equal(image, described.GetProperty("Name").GetString());
        Assert.Equal(JsonValueKind.Number, described.GetProperty("CreatedTime").ValueKind);
        Assert.False(JsonDocument.Parse(answer.Json).RootElement.TryGetProperty("NextToken", out _));
        Assert.False(described.TryGetProperty("ImagePermissions", out _));
    }

    [Fact]
    public async Task An_operation_with_no_output_answers_an_empty_object()
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewAvailableImageAsync(owner);

        var answer = await Api.InvokeAsync(owner, ImageSetup.Region, "UpdateImagePermissions",
            $$$"""{"Name": "{{{image}}}", "SharedAccountId": "{{{recipient}}}", "ImagePermissions": {"allowFleet": true, "allowImageBuilder": true}}""");

        Assert.Equal("{}", answer.JsonText);
    }

    [Fact]
    public async Task A_refusal_answers_the_aws_error_json()
    {
        var answer = await Api.InvokeAsync(TestAccounts.NewAccount(), ImageSetup.Region, "DeleteImage", """{"Name": "not-there"}""");

        Assert.True(answer.IsError);
        Assert.Equal(400, answer.StatusCode);
        Assert.Equal("ResourceNotFoundException", answer.ErrorType);
        var json = JsonDocument.Parse(answer.Json).RootElement;
        Assert.Equal("ResourceNotFoundException", json.GetProperty("__type").GetString());
        Assert.Equal(answer.ErrorMessage, json.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("12345", "us-east-1", "DescribeImages", "ValidationException")]
    [InlineData("123456789012", "moon-1", "DescribeImages", "ValidationException")]
    [InlineData("123456789012", "us-east-1", "CreateDirectoryConfig", "UnknownOperationException")]
    public async Task A_caller_region_or_operation_that_cannot_be_is_refused(string account, string region, string operation, string errorType)
    {
        var answer = await Api.InvokeAsync(account, region, operation, "{}");

        Assert.Equal(errorType, answer.ErrorType);
    }

    [Fact]
    public void The_catalogue_holds_every_operation_in_scope()
    {
        Assert.Equal(
            [
                "AssociateFleet", "CopyImage", "CreateFleet", "CreateImageBuilder", "CreateImageBuilderStreamingURL", "CreateStack",
                "CreateStreamingURL", "CreateUpdatedImage", "DeleteFleet", "DeleteImage", "DeleteImageBuilder", "DeleteImagePermissions",
                "DeleteStack", "DescribeFleets", "DescribeImageBuilders", "DescribeImagePermissions", "DescribeImages", "DescribeSessions",
                "DescribeStacks", "DisassociateFleet", "ExpireSession", "ListAssociatedFleets", "ListAssociatedStacks", "ListTagsForResource",
                "StartFleet", "StartImageBuilder", "StopFleet", "StopImageBuilder", "TagResource", "UntagResource", "UpdateFleet",
                "UpdateImagePermissions", "UpdateStack",
            ],
            AppStreamOperations.All.Names);
    }
}
