using System.Text.Json;
using RegionSim.Tests.Endpoint.Infrastructure;

namespace RegionSim.Tests.Endpoint;

/// <summary>boto3 against the silo: fleets, stacks, image builders, their waiters and tags.</summary>
[Collection(EndpointCollection.Name)]
public sealed class Boto3FleetTests(EndpointFixture fixture)
{
    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task The_fleet_waiters_poll_through_STARTING_and_STOPPING_while_the_clock_moves()
    {
        var account = fixture.NewAccount();
        var timings = await fixture.Clock.GetTimingsAsync();

        var result = await fixture.RunBoto3Async($$"""
            c = appstream("{{account}}")
            seen = []
            c.meta.events.register("after-call.appstream.DescribeFleets", lambda parsed, **kwargs: seen.append([f["State"] for f in parsed.get("Fleets", [])]))
            c.create_fleet(Name="waited", ImageName="{{EndpointFixture.BaseImage}}", InstanceType="stream.standard.small", ComputeCapacity={"DesiredInstances": 1})
            try:
                c.get_waiter("fleet_started").wait(Names=["waited"], WaiterConfig={"Delay": 1, "MaxAttempts": 3})
                out["refused_while_stopped"] = None
            except botocore.exceptions.WaiterError as e:
                out["refused_while_stopped"] = str(e)
            seen.clear()
            c.start_fleet(Name="waited")
            out["start_answered"] = c.describe_fleets(Names=["waited"])["Fleets"][0]["State"]
            mover = threading.Timer(1.5, lambda: advance({{timings.FleetStart.TotalSeconds}}))
            mover.start()
            c.get_waiter("fleet_started").wait(Names=["waited"], WaiterConfig={"Delay": 1, "MaxAttempts": 20})
            mover.join()
            out["started_polls"] = list(seen)
            seen.clear()
            c.stop_fleet(Name="waited")
            out["stop_answered"] = c.describe_fleets(Names=["waited"])["Fleets"][0]["State"]
            mover = threading.Timer(1.5, lambda: advance({{timings.FleetStop.TotalSeconds}}))
            mover.start()
            c.get_waiter("fleet_stopped").wait(Names=["waited"], WaiterConfig={"Delay": 1, "MaxAttempts": 20})
            mover.join()
            out["stopped_polls"] = list(seen)
            """, account);

        Assert.Contains("terminal failure state", result.GetProperty("refused_while_stopped").GetString());
        Assert.Equal("STARTING", result.GetProperty("start_answered").GetString());
        var started = result.GetProperty("started_polls").EnumerateArray().Select(p => p[0].GetString()).ToList();
        Assert.True(started.Count >= 3, string.Join(", ", started));
        Assert.Equal("RUNNING", started[^1]);
        Assert.All(started[..^1], state => Assert.Equal("STARTING", state));
        Assert.Equal("STOPPING", result.GetProperty("stop_answered").GetString());
        var stopped = result.GetProperty("stopped_polls").EnumerateArray().Select(p => p[0].GetString()).ToList();
        Assert.True(stopped.Count >= 3, string.Join(", ", stopped));
        Assert.Equal("STOPPED", stopped[^1]);
        Assert.All(stopped[..^1], state => Assert.Equal("STOPPING", state));
    }

    [Fact]
    public async Task Fleets_and_stacks_are_made_described_in_pages_changed_and_deleted()
    {
        var account = fixture.NewAccount();

        var result = await fixture.RunBoto3Async($$"""
            c = appstream("{{account}}")
            for n in range(3):
                c.create_fleet(Name="fleet-%d" % n, ImageName="{{EndpointFixture.BaseImage}}", InstanceType="stream.standard.medium",
                    FleetType="ON_DEMAND", ComputeCapacity={"DesiredInstances": n + 1}, DisplayName="Fleet %d" % n, Tags={"n": str(n)})
                c.create_stack(Name="stack-%d" % n, UserSettings=[{"Action": "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", "Permission": "DISABLED"}])
            out["fleets"] = [f["Name"] for p in c.get_paginator("describe_fleets").paginate() for f in p["Fleets"]]
            out["stacks"] = [s["Name"] for p in c.get_paginator("describe_stacks").paginate() for s in p["Stacks"]]
            f0 = c.describe_fleets(Names=["fleet-0"])["Fleets"][0]
            out["fleet0"] = {k: f0.get(k) for k in ["Arn", "FleetType", "State", "DisplayName", "InstanceType", "ImageName", "StreamView"]}
            out["fleet0_created"] = f0["CreatedTime"].timestamp()
            out["capacity"] = f0["ComputeCapacityStatus"]
            s0 = c.describe_stacks(Names=["stack-0"])["Stacks"][0]
            out["stack0"] = {"Arn": s0["Arn"], "clipboard": [u["Permission"] for u in s0["UserSettings"] if u["Action"] == "CLIPBOARD_COPY_FROM_LOCAL_DEVICE"]}
            out["updated_fleet"] = c.update_fleet(Name="fleet-1", DisplayName="renamed", ComputeCapacity={"DesiredInstances": 5},
                AttributesToDelete=["VPC_CONFIGURATION"])["Fleet"]["DisplayName"]
            out["updated_stack"] = c.update_stack(Name="stack-1", Description="changed", FeedbackURL="https://example.com/feedback")["Stack"]["FeedbackURL"]
            c.associate_fleet(FleetName="fleet-2", StackName="stack-2")
            out["fleets_of_stack"] = c.list_associated_fleets(StackName="stack-2")["Names"]
            out["stacks_of_fleet"] = c.list_associated_stacks(FleetName="fleet-2")["Names"]
            out["delete_associated_stack"] = error_of(lambda: c.delete_stack(Name="stack-2"))
            out["delete_associated_fleet"] = error_of(lambda: c.delete_fleet(Name="fleet-2"))
            out["second_fleet_for_stack"] = error_of(lambda: c.associate_fleet(FleetName="fleet-0", StackName="stack-2"))
            c.disassociate_fleet(FleetName="fleet-2", StackName="stack-2")
            c.delete_stack(Name="stack-2")
            c.delete_fleet(Name="fleet-2")
            out["after_delete"] = [f["Name"] for f in c.describe_fleets()["Fleets"]]
            out["missing"] = error_of(lambda: c.describe_fleets(Names=["fleet-2"]))
            out["url_for_stopped"] = error_of(lambda: c.create_streaming_url(StackName="stack-0", FleetName="fleet-0", UserId="nobody"))
            out["expire_unknown"] = c.expire_session(SessionId="00000000-0000-4000-8000-000000000000")
            """, account);

        Assert.Equal(["fleet-0", "fleet-1", "fleet-2"], Strings(result.GetProperty("fleets")));
        Assert.Equal(["stack-0", "stack-1", "stack-2"], Strings(result.GetProperty("stacks")));
        var fleet = result.GetProperty("fleet0");
        Assert.Equal($"arn:aws:appstream:us-east-1:{account}:fleet/fleet-0", fleet.GetProperty("Arn").GetString());
        Assert.Equal(("ON_DEMAND", "STOPPED", "Fleet 0", EndpointFixture.BaseImage),
            (fleet.GetProperty("FleetType").GetString(), fleet.GetProperty("State").GetString(), fleet.GetProperty("DisplayName").GetString(), fleet.GetProperty("ImageName").GetString()));
        Assert.Equal(1, result.GetProperty("capacity").GetProperty("Desired").GetInt32());
        Assert.True(result.GetProperty("fleet0_created").GetDouble() >= EndpointFixture.Start.ToUnixTimeSeconds());
        Assert.Equal($"arn:aws:appstream:us-east-1:{account}:stack/stack-0", result.GetProperty("stack0").GetProperty("Arn").GetString());
        Assert.Equal(["DISABLED"], Strings(result.GetProperty("stack0").GetProperty("clipboard")));
        Assert.Equal("renamed", result.GetProperty("updated_fleet").GetString());
        Assert.Equal("https://example.com/feedback", result.GetProperty("updated_stack").GetString());
        Assert.Equal(["fleet-2"], Strings(result.GetProperty("fleets_of_stack")));
        Assert.Equal(["stack-2"], Strings(result.GetProperty("stacks_of_fleet")));
        Assert.Equal("ResourceInUseException", result.GetProperty("delete_associated_stack").GetProperty("code").GetString());
        Assert.Equal("ResourceInUseException", result.GetProperty("delete_associated_fleet").GetProperty("code").GetString());
        Assert.Equal("LimitExceededException", result.GetProperty("second_fleet_for_stack").GetProperty("code").GetString());
        Assert.Equal(["fleet-0", "fleet-1"], Strings(result.GetProperty("after_delete")));
        Assert.Equal("ResourceNotFoundException", result.GetProperty("missing").GetProperty("code").GetString());
        Assert.Equal("InvalidParameterCombinationException", result.GetProperty("url_for_stopped").GetProperty("code").GetString());
        Assert.Equal(200, result.GetProperty("expire_unknown").GetProperty("ResponseMetadata").GetProperty("HTTPStatusCode").GetInt32());
    }

    [Fact]
    public async Task Image_builders_run_stream_and_stop_on_the_clock()
    {
        var account = fixture.NewAccount();
        var timings = await fixture.Clock.GetTimingsAsync();

        var result = await fixture.RunBoto3Async($$"""
            c = appstream("{{account}}")
            made = c.create_image_builder(Name="builder", ImageName="{{EndpointFixture.BaseImage}}", InstanceType="stream.standard.medium",
                Tags={"team": "images"})["ImageBuilder"]
            out["made"] = made["State"]
            out["url_while_pending"] = error_of(lambda: c.create_image_builder_streaming_url(Name="builder"))
            advance({{(timings.ImageBuilderLaunch + timings.ImageBuilderAgentUpdate).TotalSeconds}})
            out["running"] = c.describe_image_builders(Names=["builder"])["ImageBuilders"][0]["State"]
            url = c.create_image_builder_streaming_url(Name="builder", Validity=600)
            out["url"] = url["StreamingURL"]
            out["opened"] = http(url["StreamingURL"])
            out["reopened"] = http(url["StreamingURL"])["status"]
            out["stopping"] = c.stop_image_builder(Name="builder")["ImageBuilder"]["State"]
            advance({{timings.ImageBuilderStop.TotalSeconds}})
            out["deleting"] = c.delete_image_builder(Name="builder")["ImageBuilder"]["State"]
            advance({{timings.ImageBuilderDeletion.TotalSeconds}})
            out["gone"] = [b["Name"] for b in c.describe_image_builders()["ImageBuilders"]]
            out["start_gone"] = error_of(lambda: c.start_image_builder(Name="builder"))
            """, account);

        Assert.Equal("PENDING", result.GetProperty("made").GetString());
        Assert.Equal("OperationNotPermittedException", result.GetProperty("url_while_pending").GetProperty("code").GetString());
        Assert.Equal("RUNNING", result.GetProperty("running").GetString());
        Assert.StartsWith($"{fixture.EndpointUrl}/authenticate?parameters=", result.GetProperty("url").GetString());
        var opened = result.GetProperty("opened");
        Assert.Equal(200, opened.GetProperty("status").GetInt32());
        Assert.Equal("builder", opened.GetProperty("body").GetProperty("ImageBuilder").GetProperty("Name").GetString());
        Assert.Equal(403, result.GetProperty("reopened").GetInt32());
        Assert.Equal("STOPPING", result.GetProperty("stopping").GetString());
        Assert.Equal("DELETING", result.GetProperty("deleting").GetString());
        Assert.Empty(result.GetProperty("gone").EnumerateArray());
        Assert.Equal("ResourceNotFoundException", result.GetProperty("start_gone").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Fleets_stacks_and_builders_are_tagged_by_their_owner_only()
    {
        var (account, other) = (fixture.NewAccount(), fixture.NewAccount());

        var result = await fixture.RunBoto3Async($$"""
            mine, theirs = appstream("{{account}}"), appstream("{{other}}")
            arns = {
                "fleet": mine.create_fleet(Name="tagged", ImageName="{{EndpointFixture.BaseImage}}", InstanceType="stream.standard.small",
                    ComputeCapacity={"DesiredInstances": 1}, Tags={"made": "with-fleet"})["Fleet"]["Arn"],
                "stack": mine.create_stack(Name="tagged", Tags={"made": "with-stack"})["Stack"]["Arn"],
                "image-builder": mine.create_image_builder(Name="tagged", ImageName="{{EndpointFixture.BaseImage}}",
                    InstanceType="stream.standard.small", Tags={"made": "with-builder"})["ImageBuilder"]["Arn"],
            }
            for kind, arn in arns.items():
                mine.tag_resource(ResourceArn=arn, Tags={"Env": "Test", "Team": "X"})
                mine.untag_resource(ResourceArn=arn, TagKeys=["Team"])
                out[kind] = {
                    "arn": arn,
                    "tags": mine.list_tags_for_resource(ResourceArn=arn)["Tags"],
                    "other_tags": error_of(lambda: theirs.tag_resource(ResourceArn=arn, Tags={"stolen": "yes"})),
                    "other_lists": error_of(lambda: theirs.list_tags_for_resource(ResourceArn=arn)),
                    "other_untags": error_of(lambda: theirs.untag_resource(ResourceArn=arn, TagKeys=["Env"])),
                    "after": mine.list_tags_for_resource(ResourceArn=arn)["Tags"],
                }
            """, account, other);

        foreach (var (kind, made) in new[] { ("fleet", "with-fleet"), ("stack", "with-stack"), ("image-builder", "with-builder") })
        {
            var tags = result.GetProperty(kind);
            Assert.Equal($"arn:aws:appstream:us-east-1:{account}:{kind}/tagged", tags.GetProperty("arn").GetString());
            Assert.Equal($$"""{"made":"{{made}}","Env":"Test"}""", tags.GetProperty("tags").GetRawText().Replace(" ", ""));
            Assert.Equal("ResourceNotFoundException", tags.GetProperty("other_tags").GetProperty("code").GetString());
            Assert.Equal("ResourceNotFoundException", tags.GetProperty("other_lists").GetProperty("code").GetString());
            Assert.Equal("ResourceNotFoundException", tags.GetProperty("other_untags").GetProperty("code").GetString());
            Assert.Equal(tags.GetProperty("tags").GetRawText(), tags.GetProperty("after").GetRawText());
        }
    }
}
