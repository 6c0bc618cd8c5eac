using System.Text.Json;
using RegionSim.Tests.Endpoint.Infrastructure;

namespace RegionSim.Tests.Endpoint;

/// <summary>The <c>aws appstream</c> CLI (v1, first on PATH) against the silo: what it prints and how it exits.</summary>
[Collection(EndpointCollection.Name)]
public sealed class AwsCliTests(EndpointFixture fixture)
{
    [Fact]
    public async Task Describe_images_follows_the_pages_to_the_last()
    {
        var account = fixture.NewAccount();
        var images = await fixture.NewAvailableImagesAsync(account, 23);

        var run = await fixture.RunAsync(account, "appstream", "describe-images", "--type", "PRIVATE", "--page-size", "5");

        Assert.True(run.ExitCode == 0, run.ToString());
        var listed = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("Images").EnumerateArray().ToList();
        Assert.Equal(images, listed.Select(i => i.GetProperty("Name").GetString()));
        Assert.All(listed, image =>
        {
            Assert.Equal("AVAILABLE", image.GetProperty("State").GetString());
            Assert.Equal("PRIVATE", image.GetProperty("Visibility").GetString());
            Assert.Equal(JsonValueKind.Number, image.GetProperty("CreatedTime").ValueKind);
        });
    }

    [Fact]
    public async Task A_refusal_prints_the_error_and_exits_255()
    {
        var (owner, recipient) = (fixture.NewAccount(), fixture.NewAccount());
        var image = await fixture.NewAvailableImageAsync(owner);
        var share = await fixture.RunAsync(owner, "appstream", "update-image-permissions", "--name", image,
            "--shared-account-id", recipient, "--image-permissions", "allowFleet=true,allowImageBuilder=false");

        var delete = await fixture.RunAsync(owner, "appstream", "delete-image", "--name", image);

        Assert.True(share.ExitCode == 0, share.ToString());
        Assert.Equal(255, delete.ExitCode);
        Assert.Equal("", delete.Stdout);
        Assert.Equal(
            $"\n{AwsCli.ErrorLine("ResourceInUseException", "DeleteImage")}Image {image} is shared with 1 account(s) ({recipient}); remove all image permissions before deleting it.\n",
            delete.Stderr);
    }

    [Fact]
    public async Task A_constraint_violation_names_the_member()
    {
        var account = fixture.NewAccount();

        var run = await fixture.RunAsync(account, "appstream", "copy-image", "--source-image-name", "src",
            "--destination-image-name", "has spaces", "--destination-region", "eu-west-1");

        Assert.Equal(255, run.ExitCode);
        Assert.Contains(AwsCli.ErrorLine("ValidationException", "CopyImage") + "1 validation error detected: Value 'has spaces' at 'DestinationImageName'", run.Stderr);
    }

    [Fact]
    public async Task Wrong_secrets_and_unknown_keys_are_refused_as_aws_refuses_them()
    {
        var account = fixture.NewAccount();

        var wrongSecret = await fixture.RunWithKeyAsync(account, "not-the-secret", "appstream", "describe-images");
        var unknownKey = await fixture.RunWithKeyAsync("AKIAUNKNOWNKEY000000", "anything", "appstream", "describe-images");

        Assert.Equal(255, wrongSecret.ExitCode);
        Assert.Contains(AwsCli.ErrorLine("InvalidSignatureException", "DescribeImages") + "The request signature we calculated does not match", wrongSecret.Stderr);
        Assert.Equal(255, unknownKey.ExitCode);
        Assert.Contains(AwsCli.ErrorLine("UnrecognizedClientException", "DescribeImages") + "The security token included in the request is invalid.", unknownKey.Stderr);
    }
}
