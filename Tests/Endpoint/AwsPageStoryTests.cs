using System.Text.Json;
using RegionSim.Tests.Endpoint.Infrastructure;

namespace RegionSim.Tests.Endpoint;

/// <summary>
/// The AWS page's whole story with boto3, across two accounts and two Regions: copy an image to another
/// Region, share it, the other account streams from it, the owner revokes, the sessions end, the image is
/// deleted once nothing uses it.
/// </summary>
[Collection(EndpointCollection.Name)]
public sealed class AwsPageStoryTests(EndpointFixture fixture)
{
    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static int Capacity(JsonElement fleet, string member) => fleet.GetProperty("ComputeCapacityStatus").GetProperty(member).GetInt32();

    [Fact]
    public async Task Copy_share_stream_revoke_and_delete_across_two_accounts_and_two_regions()
    {
        var (owner, recipient) = (fixture.NewAccount(), fixture.NewAccount());
        var image = await fixture.NewAvailableImageAsync(owner);
        var timings = await fixture.Clock.GetTimingsAsync();

        var result = await fixture.RunBoto3Async($$"""
            owner_home, owner, user_home, user = (appstream("{{owner}}"), appstream("{{owner}}", "eu-west-1"),
                appstream("{{recipient}}"), appstream("{{recipient}}", "eu-west-1"))
            IMAGE, FLEET, STACK = "{{image}}-eu", "story-fleet", "story-stack"
            def fleet():
                return user.describe_fleets(Names=[FLEET])["Fleets"][0]
            def sessions():
                return user.describe_sessions(StackName=STACK, FleetName=FLEET)["Sessions"]

            # The owner copies the image to eu-west-1 and shares the copy with the other account there.
            owner_home.copy_image(SourceImageName="{{image}}", DestinationImageName=IMAGE, DestinationRegion="eu-west-1")
            out["copying"] = owner.describe_images(Names=[IMAGE])["Images"][0]["State"]
            advance({{timings.ImageCopy.TotalSeconds}})
            copied = owner.describe_images(Names=[IMAGE])["Images"][0]
            out["copied"] = copied["State"]
            arn = copied["Arn"]
            owner.update_image_permissions(Name=IMAGE, SharedAccountId="{{recipient}}",
                ImagePermissions={"allowFleet": True, "allowImageBuilder": True})
            out["shared_with_me"] = [i["Arn"] for i in user.describe_images(Type="SHARED")["Images"]]
            out["shared_at_home"] = user_home.describe_images(Type="SHARED")["Images"]

            # The recipient runs a fleet on the shared image, behind a stack.
            created = user.create_fleet(Name=FLEET, ImageArn=arn, InstanceType="stream.standard.medium", FleetType="ALWAYS_ON",
                ComputeCapacity={"DesiredInstances": 2}, MaxUserDurationInSeconds=3600, DisconnectTimeoutInSeconds=900)["Fleet"]
            out["created"] = {"State": created["State"], "ImageArn": created["ImageArn"], "ImageName": created["ImageName"]}
            user.create_stack(Name=STACK, Description="the story's stack")
            user.associate_fleet(FleetName=FLEET, StackName=STACK)
            out["stacks_of_fleet"] = user.list_associated_stacks(FleetName=FLEET)["Names"]
            user.start_fleet(Name=FLEET)
            out["starting"] = fleet()["State"]
            advance({{Math.Max(timings.FleetStart.TotalSeconds, timings.FleetInstanceProvisioning.TotalSeconds)}})
            out["running"] = fleet()

            # Two users stream from it through streaming URLs on this host.
            url = user.create_streaming_url(StackName=STACK, FleetName=FLEET, UserId="alice", Validity=300)
            out["url"] = url["StreamingURL"]
            out["url_expires"] = url["Expires"].timestamp()
            alice = http(url["StreamingURL"])
            out["alice"] = alice
            out["alice_again"] = http(url["StreamingURL"])
            bob = http(user.create_streaming_url(StackName=STACK, FleetName=FLEET, UserId="bob")["StreamingURL"])["body"]
            out["streaming"] = fleet()["ComputeCapacityStatus"]

            # The owner revokes the fleet permission: desired capacity 0 at once, the sessions go on.
            owner.update_image_permissions(Name=IMAGE, SharedAccountId="{{recipient}}",
                ImagePermissions={"allowFleet": False, "allowImageBuilder": True})
            out["revoked"] = fleet()
            out["sessions_after_revoke"] = [(s["UserId"], s["State"]) for s in sessions()]
            out["new_fleet"] = error_of(lambda: user.create_fleet(Name="another", ImageArn=arn, InstanceType="stream.standard.medium",
                ComputeCapacity={"DesiredInstances": 1}))
            out["delete_while_shared"] = error_of(lambda: owner.delete_image(Name=IMAGE))

            # Alice logs out; Bob's session reaches MaxUserDuration. Their instances go and are not replaced.
            out["alice_logs_out"] = act(alice["body"]["SessionId"], "logout")
            out["after_alice"] = fleet()["ComputeCapacityStatus"]
            advance(3600)
            out["sessions_at_the_end"] = sessions()
            out["bob_ended"] = http("/_regionsim/sessions/" + bob["SessionId"], operator=True)["body"]
            out["after_bob"] = fleet()["ComputeCapacityStatus"]

            # The image can go once it is neither shared nor used.
            owner.delete_image_permissions(Name=IMAGE, SharedAccountId="{{recipient}}")
            out["delete_while_used"] = error_of(lambda: owner.delete_image(Name=IMAGE))
            user.update_fleet(Name=FLEET, ImageName="{{EndpointFixture.BaseImage}}")
            out["deleting"] = owner.delete_image(Name=IMAGE)["Image"]["State"]
            advance({{timings.ImageDeletion.TotalSeconds}})
            out["gone"] = error_of(lambda: owner.describe_images(Names=[IMAGE]))
            out["source_stays"] = owner_home.describe_images(Names=["{{image}}"])["Images"][0]["State"]
            out["moved_fleet"] = fleet()
            """, owner, recipient);

        Assert.Equal("COPYING", result.GetProperty("copying").GetString());
        Assert.Equal("AVAILABLE", result.GetProperty("copied").GetString());
        var arn = $"arn:aws:appstream:eu-west-1:{owner}:image/{image}-eu";
        Assert.Equal([arn], Strings(result.GetProperty("shared_with_me")));
        Assert.Empty(result.GetProperty("shared_at_home").EnumerateArray());

        Assert.Equal("STOPPED", result.GetProperty("created").GetProperty("State").GetString());
        Assert.Equal(arn, result.GetProperty("created").GetProperty("ImageArn").GetString());
        Assert.Equal(["story-stack"], Strings(result.GetProperty("stacks_of_fleet")));
        Assert.Equal("STARTING", result.GetProperty("starting").GetString());
        var running = result.GetProperty("running");
        Assert.Equal("RUNNING", running.GetProperty("State").GetString());
        Assert.Equal((2, 2, 2), (Capacity(running, "Desired"), Capacity(running, "Running"), Capacity(running, "Available")));

        Assert.StartsWith($"{fixture.EndpointUrl}/authenticate?parameters=", result.GetProperty("url").GetString());
        var alice = result.GetProperty("alice");
        Assert.Equal(200, alice.GetProperty("status").GetInt32());
        var session = alice.GetProperty("body");
        Assert.Equal(("alice", "story-stack", "story-fleet", "ACTIVE"),
            (session.GetProperty("UserId").GetString(), session.GetProperty("StackName").GetString(), session.GetProperty("FleetName").GetString(), session.GetProperty("State").GetString()));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$", session.GetProperty("SessionId").GetString());
        Assert.StartsWith("i-", session.GetProperty("InstanceId").GetString());
        Assert.Equal(arn, session.GetProperty("StartedFrom").GetProperty("ImageArn").GetString());
        Assert.Equal(JsonValueKind.Number, session.GetProperty("StartTime").ValueKind);
        var again = result.GetProperty("alice_again");
        Assert.Equal(403, again.GetProperty("status").GetInt32());
        Assert.Equal("OperationNotPermittedException", again.GetProperty("body").GetProperty("error").GetString());
        var streaming = result.GetProperty("streaming");
        Assert.Equal((2, 0), (streaming.GetProperty("InUse").GetInt32(), streaming.GetProperty("Available").GetInt32()));

        var revoked = result.GetProperty("revoked");
        Assert.Equal((0, 2, 2), (Capacity(revoked, "Desired"), Capacity(revoked, "Running"), Capacity(revoked, "InUse")));
        Assert.Equal("RUNNING", revoked.GetProperty("State").GetString());
        Assert.Equal(["alice,ACTIVE", "bob,ACTIVE"],
            result.GetProperty("sessions_after_revoke").EnumerateArray().Select(s => $"{s[0].GetString()},{s[1].GetString()}"));
        Assert.Equal("OperationNotPermittedException", result.GetProperty("new_fleet").GetProperty("code").GetString());
        Assert.Equal("ResourceInUseException", result.GetProperty("delete_while_shared").GetProperty("code").GetString());
        Assert.Contains("shared with 1 account", result.GetProperty("delete_while_shared").GetProperty("message").GetString());

        var logout = result.GetProperty("alice_logs_out");
        Assert.Equal(200, logout.GetProperty("status").GetInt32());
        Assert.Equal(("EXPIRED", "LOG_OUT"), (logout.GetProperty("body").GetProperty("State").GetString(), logout.GetProperty("body").GetProperty("EndReason").GetString()));
        var afterAlice = result.GetProperty("after_alice");
        Assert.Equal((0, 1, 1), (afterAlice.GetProperty("Desired").GetInt32(), afterAlice.GetProperty("Running").GetInt32(), afterAlice.GetProperty("InUse").GetInt32()));
        Assert.Empty(result.GetProperty("sessions_at_the_end").EnumerateArray());
        Assert.Equal("MAX_USER_DURATION", result.GetProperty("bob_ended").GetProperty("EndReason").GetString());
        var afterBob = result.GetProperty("after_bob");
        Assert.Equal((0, 0, 0), (afterBob.GetProperty("Desired").GetInt32(), afterBob.GetProperty("Running").GetInt32(), afterBob.GetProperty("InUse").GetInt32()));

        Assert.Equal("ResourceInUseException", result.GetProperty("delete_while_used").GetProperty("code").GetString());
        Assert.Contains("story-fleet", result.GetProperty("delete_while_used").GetProperty("message").GetString());
        Assert.Equal("DELETING", result.GetProperty("deleting").GetString());
        Assert.Equal("ResourceNotFoundException", result.GetProperty("gone").GetProperty("code").GetString());
        Assert.Equal("AVAILABLE", result.GetProperty("source_stays").GetString());
        var moved = result.GetProperty("moved_fleet");
        Assert.Equal(EndpointFixture.BaseImage, moved.GetProperty("ImageName").GetString());
        Assert.Equal(2, Capacity(moved, "Desired"));
    }
}
