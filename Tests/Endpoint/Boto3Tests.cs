using System.Text.Json;
using RegionSim.Tests.Endpoint.Infrastructure;

namespace RegionSim.Tests.Endpoint;

/// <summary>boto3 against the silo: the AWS page's image stories across accounts and Regions, with paginators.</summary>
[Collection(EndpointCollection.Name)]
public sealed class Boto3Tests(EndpointFixture fixture)
{
    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task The_describe_images_paginator_reads_every_page_and_the_last_has_no_token()
    {
        var account = fixture.NewAccount();
        var images = await fixture.NewAvailableImagesAsync(account, 11);

        var result = await fixture.RunBoto3Async($$"""
            pages = list(appstream("{{account}}").get_paginator("describe_images").paginate(Type="PRIVATE", PaginationConfig={"PageSize": 4}))
            out["sizes"] = [len(p["Images"]) for p in pages]
            out["tokens"] = ["NextToken" in p for p in pages]
            out["names"] = [i["Name"] for p in pages for i in p["Images"]]
            everything = list(appstream("{{account}}").get_paginator("describe_images").paginate())
            out["visibilities"] = sorted({i["Visibility"] for p in everything for i in p["Images"]})
            out["total"] = sum(len(p["Images"]) for p in everything)
            """, account);

        Assert.Equal([4, 4, 3], result.GetProperty("sizes").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([true, true, false], result.GetProperty("tokens").EnumerateArray().Select(e => e.GetBoolean()));
        Assert.Equal(images, Strings(result.GetProperty("names")));
        Assert.Equal(["PRIVATE", "PUBLIC"], Strings(result.GetProperty("visibilities")));
        Assert.Equal(16 + 11, result.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_copy_to_another_region_is_copying_until_the_clock_passes_the_copy_time()
    {
        var account = fixture.NewAccount();
        var image = await fixture.NewAvailableImageAsync(account);
        var copyMinutes = (await fixture.Clock.GetTimingsAsync()).ImageCopy.TotalMinutes;

        var result = await fixture.RunBoto3Async($$"""
            home, away = appstream("{{account}}"), appstream("{{account}}", "eu-west-1")
            out["copy"] = home.copy_image(SourceImageName="{{image}}", DestinationImageName="{{image}}-eu",
                DestinationRegion="eu-west-1", DestinationImageDescription="for Europe")["DestinationImageName"]
            def state():
                return away.describe_images(Names=["{{image}}-eu"])["Images"][0]
            out["at_once"] = state()["State"]
            out["halfway_clock"] = advance({{copyMinutes / 2}} * 60)
            out["halfway"] = state()["State"]
            advance({{copyMinutes / 2}} * 60)
            copied = state()
            out["done"] = copied["State"]
            out["description"] = copied["Description"]
            out["arn"] = copied["Arn"]
            out["created"] = copied["CreatedTime"].timestamp()
            out["tags_of_copy"] = away.list_tags_for_resource(ResourceArn=copied["Arn"])["Tags"]
            out["tags_of_source"] = home.list_tags_for_resource(ResourceArn=home.describe_images(Names=["{{image}}"])["Images"][0]["Arn"])["Tags"]
            out["again"] = error_of(lambda: home.copy_image(SourceImageName="{{image}}", DestinationImageName="{{image}}-eu", DestinationRegion="eu-west-1"))
            """, account);

        Assert.Equal($"{image}-eu", result.GetProperty("copy").GetString());
        Assert.Equal("COPYING", result.GetProperty("at_once").GetString());
        Assert.Equal("COPYING", result.GetProperty("halfway").GetString());
        Assert.Equal("manual", result.GetProperty("halfway_clock").GetProperty("mode").GetString());
        Assert.Equal("AVAILABLE", result.GetProperty("done").GetString());
        Assert.Equal("for Europe", result.GetProperty("description").GetString());
        Assert.Equal($"arn:aws:appstream:eu-west-1:{account}:image/{image}-eu", result.GetProperty("arn").GetString());
        Assert.Empty(result.GetProperty("tags_of_copy").EnumerateObject());
        Assert.Equal("tests", result.GetProperty("tags_of_source").GetProperty("team").GetString());
        Assert.Equal("ResourceAlreadyExistsException", result.GetProperty("again").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_shared_image_is_seen_as_granted_and_deleted_only_after_sharing_stops()
    {
        var (owner, recipient, bystander) = (fixture.NewAccount(), fixture.NewAccount(), fixture.NewAccount());
        var image = await fixture.NewAvailableImageAsync(owner);

        var result = await fixture.RunBoto3Async($$"""
            mine, theirs, nobody = appstream("{{owner}}"), appstream("{{recipient}}"), appstream("{{bystander}}")
            arn = mine.describe_images(Names=["{{image}}"])["Images"][0]["Arn"]
            out["before"] = error_of(lambda: theirs.describe_images(Arns=[arn]))
            mine.update_image_permissions(Name="{{image}}", SharedAccountId="{{recipient}}",
                ImagePermissions={"allowFleet": True, "allowImageBuilder": False})
            seen = theirs.describe_images(Type="SHARED")["Images"]
            out["shared_names"] = [i["Name"] for i in seen]
            out["granted"] = seen[0]["ImagePermissions"]
            out["by_arn"] = theirs.describe_images(Arns=[arn])["Images"][0]["Visibility"]
            out["owner_view"] = mine.describe_images(Names=["{{image}}"])["Images"][0]["ImageSharedWithOthers"]
            out["permissions"] = mine.describe_image_permissions(Name="{{image}}")["SharedImagePermissionsList"]
            out["bystander"] = error_of(lambda: nobody.describe_images(Arns=[arn]))
            out["bystander_shared"] = nobody.describe_images(Type="SHARED")["Images"]
            out["recipient_deletes"] = error_of(lambda: theirs.delete_image(Name="{{image}}"))
            out["recipient_shares"] = error_of(lambda: theirs.update_image_permissions(Name="{{image}}", SharedAccountId="{{bystander}}",
                ImagePermissions={"allowFleet": True, "allowImageBuilder": True}))
            out["recipient_tags"] = error_of(lambda: theirs.tag_resource(ResourceArn=arn, Tags={"mine": "now"}))
            out["delete_while_shared"] = error_of(lambda: mine.delete_image(Name="{{image}}"))
            mine.delete_image_permissions(Name="{{image}}", SharedAccountId="{{recipient}}")
            out["after_revoke"] = theirs.describe_images(Type="SHARED")["Images"]
            deleting = mine.delete_image(Name="{{image}}")["Image"]
            out["deleting"] = deleting["State"]
            advance(3600)
            out["gone"] = error_of(lambda: mine.describe_images(Names=["{{image}}"]))
            """, owner, recipient, bystander);

        Assert.Equal("ResourceNotFoundException", result.GetProperty("before").GetProperty("code").GetString());
        Assert.Equal([image], Strings(result.GetProperty("shared_names")));
        Assert.True(result.GetProperty("granted").GetProperty("allowFleet").GetBoolean());
        Assert.False(result.GetProperty("granted").GetProperty("allowImageBuilder").GetBoolean());
        Assert.Equal("SHARED", result.GetProperty("by_arn").GetString());
        Assert.Equal("TRUE", result.GetProperty("owner_view").GetString());
        var permission = Assert.Single(result.GetProperty("permissions").EnumerateArray());
        Assert.Equal(recipient, permission.GetProperty("sharedAccountId").GetString());
        Assert.Equal("ResourceNotFoundException", result.GetProperty("bystander").GetProperty("code").GetString());
        Assert.Empty(result.GetProperty("bystander_shared").EnumerateArray());
        Assert.Equal("ResourceNotFoundException", result.GetProperty("recipient_deletes").GetProperty("code").GetString());
        Assert.Equal("ResourceNotFoundException", result.GetProperty("recipient_shares").GetProperty("code").GetString());
        Assert.Equal("ResourceNotFoundException", result.GetProperty("recipient_tags").GetProperty("code").GetString());
        var refused = result.GetProperty("delete_while_shared");
        Assert.Equal("ResourceInUseException", refused.GetProperty("code").GetString());
        Assert.Equal(400, refused.GetProperty("status").GetInt32());
        Assert.Empty(result.GetProperty("after_revoke").EnumerateArray());
        Assert.Equal("DELETING", result.GetProperty("deleting").GetString());
        Assert.Equal("ResourceNotFoundException", result.GetProperty("gone").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Tags_are_set_listed_and_removed_on_the_resource_the_arn_names()
    {
        var account = fixture.NewAccount();
        var image = await fixture.NewAvailableImageAsync(account);

        var result = await fixture.RunBoto3Async($$"""
            c = appstream("{{account}}")
            arn = "arn:aws:appstream:us-east-1:{{account}}:image/{{image}}"
            c.tag_resource(ResourceArn=arn, Tags={"Env": "Test", "Team": "X"})
            out["tagged"] = c.list_tags_for_resource(ResourceArn=arn)["Tags"]
            c.untag_resource(ResourceArn=arn, TagKeys=["team", "Team"])
            out["untagged"] = c.list_tags_for_resource(ResourceArn=arn)["Tags"]
            out["other_region"] = error_of(lambda: c.list_tags_for_resource(ResourceArn=arn.replace("us-east-1", "eu-west-1")))
            out["public"] = error_of(lambda: c.tag_resource(ResourceArn="arn:aws:appstream:us-east-1::image/AppStream-WinServer2019-10-08-2024", Tags={"a": "b"}))
            out["fleet"] = error_of(lambda: c.list_tags_for_resource(ResourceArn="arn:aws:appstream:us-east-1:{{account}}:fleet/none"))
            """, account);

        Assert.Equal("""{"team":"tests","Env":"Test","Team":"X"}""", result.GetProperty("tagged").GetRawText().Replace(" ", ""));
        Assert.Equal("""{"Env":"Test"}""", result.GetProperty("untagged").GetRawText().Replace(" ", ""));
        Assert.Equal("ResourceNotFoundException", result.GetProperty("other_region").GetProperty("code").GetString());
        Assert.Equal("OperationNotPermittedException", result.GetProperty("public").GetProperty("code").GetString());
        Assert.Equal("ResourceNotFoundException", result.GetProperty("fleet").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_managed_update_makes_a_new_image_that_is_creating_until_the_update_time_has_passed()
    {
        var account = fixture.NewAccount();
        var image = await fixture.NewAvailableImageAsync(account, baseImage: "AppStream-WinServer2019-06-12-2023");
        var creationMinutes = (await fixture.Clock.GetTimingsAsync()).ManagedImageUpdate.TotalMinutes;

        var result = await fixture.RunBoto3Async($$"""
            c = appstream("{{account}}")
            out["dry"] = c.create_updated_image(existingImageName="{{image}}", newImageName="{{image}}-2", dryRun=True)
            made = c.create_updated_image(existingImageName="{{image}}", newImageName="{{image}}-2", newImageDescription="patched")
            out["made"] = {"state": made["image"]["State"], "name": made["image"]["Name"], "can": made["canUpdateImage"]}
            out["taken"] = error_of(lambda: c.create_updated_image(existingImageName="{{image}}", newImageName="{{image}}-2"))
            advance({{creationMinutes}} * 60 - 1)
            out["almost"] = c.describe_images(Names=["{{image}}-2"])["Images"][0]["State"]
            advance(1)
            out["later"] = c.describe_images(Names=["{{image}}-2"])["Images"][0]["State"]
            """, account);

        Assert.True(result.GetProperty("dry").GetProperty("canUpdateImage").GetBoolean());
        Assert.False(result.GetProperty("dry").TryGetProperty("image", out _));
        Assert.Equal("CREATING", result.GetProperty("made").GetProperty("state").GetString());
        Assert.Equal($"{image}-2", result.GetProperty("made").GetProperty("name").GetString());
        Assert.Equal("ResourceAlreadyExistsException", result.GetProperty("taken").GetProperty("code").GetString());
        Assert.Equal("CREATING", result.GetProperty("almost").GetString());
        Assert.Equal("AVAILABLE", result.GetProperty("later").GetString());
    }
}
