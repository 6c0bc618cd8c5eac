using System.Net;
using System.Text;
using RegionSim.Tests.Endpoint.Infrastructure;

namespace RegionSim.Tests.Endpoint;

/// <summary>
/// What clients can get wrong: JSON, types, required members, ranges, patterns, sizes, headers. Each is
/// a 4xx with <c>{"__type", "message"}</c> naming the member; none is a 5xx; none changes anything.
/// </summary>
[Collection(EndpointCollection.Name)]
public sealed class BadInputTests(EndpointFixture fixture)
{
    public static readonly string[] Operations =
    [
        "DescribeImages", "DeleteImage", "CopyImage", "UpdateImagePermissions", "DescribeImagePermissions",
        "DeleteImagePermissions", "TagResource", "UntagResource", "ListTagsForResource", "CreateUpdatedImage",
        "CreateImageBuilder", "StartImageBuilder", "StopImageBuilder", "DeleteImageBuilder", "DescribeImageBuilders", "CreateImageBuilderStreamingURL",
        "CreateFleet", "UpdateFleet", "DeleteFleet", "DescribeFleets", "StartFleet", "StopFleet", "ListAssociatedStacks",
        "CreateStack", "UpdateStack", "DeleteStack", "DescribeStacks", "AssociateFleet", "DisassociateFleet", "ListAssociatedFleets",
        "CreateStreamingURL", "DescribeSessions", "ExpireSession",
    ];

    [Fact]
    public void The_fuzz_covers_every_operation_of_the_catalogue() =>
        Assert.Equal(RegionSim.Silo.AppStream.AppStreamOperations.All.Names.Order(), Operations.Order());

    [Theory]
    [InlineData("{\"Names\": [")]
    [InlineData("{'Names': []}")]
    [InlineData("not json")]
    [InlineData("{\"Type\": \"PRIVATE\"} trailing")]
    public async Task Malformed_json_is_a_serialization_exception(string body)
    {
        var answer = await fixture.CallAsync(fixture.NewAccount(), "DescribeImages", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("SerializationException", answer.ErrorType);
        Assert.StartsWith("The request body is not valid JSON", answer.Message);
    }

    [Theory]
    [InlineData("DescribeImages", "[]", "The request body must be a JSON object, not a list.")]
    [InlineData("DescribeImages", "null", "The request body must be a JSON object, not null.")]
    [InlineData("DescribeImages", """{"Names": "img"}""", "Member 'Names' must be a list (JSON array), not a string.")]
    [InlineData("DescribeImages", """{"Names": [1]}""", "Member 'Names[0]' must be a string, not the number 1.")]
    [InlineData("DescribeImages", """{"MaxResults": "5"}""", "Member 'MaxResults' must be an integer")]
    [InlineData("DescribeImages", """{"MaxResults": 99999999999}""", "Member 'MaxResults' must be an integer")]
    [InlineData("DescribeImages", """{"Type": 1}""", "Member 'Type' must be a string, not the number 1.")]
    [InlineData("UpdateImagePermissions", """{"Name": "i", "SharedAccountId": "123456789012", "ImagePermissions": {"allowFleet": "yes"}}""",
        "Member 'ImagePermissions.allowFleet' must be a boolean, not a string.")]
    [InlineData("UpdateImagePermissions", """{"Name": "i", "SharedAccountId": "123456789012", "ImagePermissions": true}""",
        "Member 'ImagePermissions' must be a structure (JSON object), not a boolean.")]
    [InlineData("TagResource", """{"ResourceArn": "arn:aws:appstream:us-east-1:123456789012:image/i", "Tags": {"k": 1}}""",
        "Member 'Tags.k' must be a string, not the number 1.")]
    [InlineData("UntagResource", """{"ResourceArn": "arn:aws:appstream:us-east-1:123456789012:image/i", "TagKeys": {"k": "v"}}""",
        "Member 'TagKeys' must be a list (JSON array), not an object.")]
    public async Task A_member_of_the_wrong_json_type_is_a_serialization_exception_naming_it(string operation, string body, string message)
    {
        var answer = await fixture.CallAsync(fixture.NewAccount(), operation, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("SerializationException", answer.ErrorType);
        Assert.StartsWith(message, answer.Message);
    }

    [Theory]
    [InlineData("DescribeImages", """{"Type": "private"}""", "Value 'private' at 'Type' failed to satisfy constraint: Member must satisfy enum value set: [PUBLIC, PRIVATE, SHARED]")]
    [InlineData("DescribeImages", """{"MaxResults": 26}""", "Value '26' at 'MaxResults' failed to satisfy constraint: Member must have value between 0 and 25")]
    [InlineData("DescribeImages", """{"Names": ["bad name"]}""", "Value 'bad name' at 'Names' failed to satisfy constraint: Member must satisfy regular expression pattern")]
    [InlineData("DescribeImages", """{"Arns": ["arn:aws:s3:::bucket"]}""", "Value 'arn:aws:s3:::bucket' at 'Arns' failed to satisfy constraint")]
    [InlineData("DescribeImages", """{"NextToken": "made-up"}""", "Value 'made-up' at 'NextToken' failed to satisfy constraint")]
    [InlineData("DeleteImage", "{}", "Value null at 'Name' failed to satisfy constraint: Member must not be null")]
    [InlineData("DeleteImage", """{"Name": "-starts-with-a-dash"}""", "Value '-starts-with-a-dash' at 'Name' failed to satisfy constraint")]
    [InlineData("CopyImage", """{"DestinationImageName": "b", "DestinationRegion": "eu-west-1"}""", "Value null at 'SourceImageName' failed to satisfy constraint: Member must not be null")]
    [InlineData("DescribeImagePermissions", """{"Name": "i", "MaxResults": 501}""", "at 'MaxResults' failed to satisfy constraint: Member must have value between 0 and 500")]
    [InlineData("DescribeImagePermissions", """{"Name": "i", "SharedAwsAccountIds": []}""", "Value at 'SharedAwsAccountIds' failed to satisfy constraint: Member must have between 1 and 5 items")]
    [InlineData("CreateUpdatedImage", """{"existingImageName": "i"}""", "Value null at 'newImageName' failed to satisfy constraint: Member must not be null")]
    [InlineData("CreateUpdatedImage", """{"ExistingImageName": "i", "newImageName": "j"}""", "Value null at 'existingImageName' failed to satisfy constraint: Member must not be null")]
    [InlineData("TagResource", """{"Tags": {"k": "v"}}""", "Value null at 'ResourceArn' failed to satisfy constraint: Member must not be null")]
    [InlineData("ListTagsForResource", """{"ResourceArn": "not-an-arn"}""", "Value 'not-an-arn' at 'ResourceArn' failed to satisfy constraint")]
    [InlineData("CreateFleet", """{"Name": "f", "ImageName": "i"}""", "Value null at 'InstanceType' failed to satisfy constraint: Member must not be null")]
    [InlineData("CreateFleet", """{"Name": "f", "ImageName": "i", "InstanceType": "stream.standard.small", "MaxUserDurationInSeconds": 10}""", "at 'MaxUserDurationInSeconds' failed to satisfy constraint")]
    [InlineData("CreateFleet", """{"Name": "f", "ImageName": "i", "InstanceType": "stream.standard.small", "FleetType": "always_on"}""", "Value 'always_on' at 'FleetType' failed to satisfy constraint: Member must satisfy enum value set")]
    [InlineData("UpdateFleet", """{"DisplayName": "x"}""", "Value null at 'Name' failed to satisfy constraint: Member must not be null")]
    [InlineData("DeleteFleet", """{"Name": "bad name"}""", "Value 'bad name' at 'Name' failed to satisfy constraint")]
    [InlineData("DescribeFleets", """{"Names": ["bad name"]}""", "Value 'bad name' at 'Names' failed to satisfy constraint")]
    [InlineData("StartFleet", "{}", "Value null at 'Name' failed to satisfy constraint: Member must not be null")]
    [InlineData("ListAssociatedStacks", "{}", "Value null at 'FleetName' failed to satisfy constraint: Member must not be null")]
    [InlineData("CreateStack", """{"Name": "s", "EmbedHostDomains": ["not a domain"]}""", "Value 'not a domain' at 'EmbedHostDomains' failed to satisfy constraint")]
    [InlineData("UpdateStack", """{"Name": "s", "AttributesToDelete": ["NOT_AN_ATTRIBUTE"]}""", "Value 'NOT_AN_ATTRIBUTE' at 'AttributesToDelete[0]' failed to satisfy constraint: Member must satisfy enum value set")]
    [InlineData("AssociateFleet", """{"StackName": "s"}""", "Value null at 'FleetName' failed to satisfy constraint: Member must not be null")]
    [InlineData("DisassociateFleet", """{"FleetName": "f"}""", "Value null at 'StackName' failed to satisfy constraint: Member must not be null")]
    [InlineData("CreateStreamingURL", """{"StackName": "s", "FleetName": "f", "UserId": "x"}""", "Value 'x' at 'UserId' failed to satisfy constraint")]
    [InlineData("CreateStreamingURL", """{"StackName": "s", "FleetName": "f", "UserId": "ann", "Validity": 604801}""", "Value '604801' at 'Validity' failed to satisfy constraint: Member must have value between 1 and 604800")]
    [InlineData("DescribeSessions", """{"StackName": "s"}""", "Value null at 'FleetName' failed to satisfy constraint: Member must not be null")]
    [InlineData("DescribeSessions", """{"StackName": "s", "FleetName": "f", "Limit": 51}""", "Value '51' at 'Limit' failed to satisfy constraint: Member must have value between 0 and 50")]
    [InlineData("ExpireSession", "{}", "Value null at 'SessionId' failed to satisfy constraint: Member must not be null")]
    [InlineData("CreateImageBuilder", """{"Name": "b", "ImageName": "i", "InstanceType": "stream.standard.tiny"}""", "Value 'stream.standard.tiny' at 'InstanceType' failed to satisfy constraint")]
    [InlineData("StartImageBuilder", """{"Name": "b", "AppstreamAgentVersion": ""}""", "Value '' at 'AppstreamAgentVersion' failed to satisfy constraint: Member must have length greater than or equal to 1")]
    [InlineData("DescribeImageBuilders", """{"MaxResults": -1}""", "Value '-1' at 'MaxResults' failed to satisfy constraint")]
    [InlineData("CreateImageBuilderStreamingURL", """{"Name": "b", "Validity": 0}""", "Value '0' at 'Validity' failed to satisfy constraint: Member must have value between 1 and 604800")]
    public async Task Values_missing_out_of_range_or_off_pattern_are_validation_exceptions_naming_the_member(string operation, string body, string message)
    {
        var answer = await fixture.CallAsync(fixture.NewAccount(), operation, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("ValidationException", answer.ErrorType);
        Assert.Contains(message, answer.Message);
    }

    [Fact]
    public async Task A_body_over_1_MiB_is_refused_with_413()
    {
        var account = fixture.NewAccount();
        var huge = $$"""{"Names": ["{{new string('a', 1024 * 1024)}}"]}""";

        var sized = await fixture.CallAsync(account, "DescribeImages", huge);
        var chunked = await fixture.SendAsync(account, huge,
            request => request.Headers.Add("X-Amz-Target", "PhotonAdminProxyService.DescribeImages"),
            tamper: request => request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge))) { Headers = { { "Content-Type", "application/x-amz-json-1.1" } } });
        var justUnder = await fixture.CallAsync(account, "DescribeImages", $$"""{"Type": "PRIVATE", "x": "{{new string('a', 1024 * 1024 - 40)}}"}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, sized.Status);
        Assert.Equal("RequestEntityTooLargeException", sized.ErrorType);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.Status);
        Assert.Equal(HttpStatusCode.OK, justUnder.Status);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task A_body_that_is_not_aws_json_is_refused(string contentType)
    {
        var answer = await fixture.SendAsync(fixture.NewAccount(), "{}",
            request => request.Headers.Add("X-Amz-Target", "PhotonAdminProxyService.DescribeImages"), contentType: contentType);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("UnknownOperationException", answer.ErrorType);
        Assert.Contains("application/x-amz-json-1.1", answer.Message);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-amz-json-1.0")]
    [InlineData("application/x-amz-json-1.1; charset=utf-8")]
    public async Task Other_json_content_types_are_read_as_json(string contentType)
    {
        var answer = await fixture.SendAsync(fixture.NewAccount(), "{}",
            request => request.Headers.Add("X-Amz-Target", "PhotonAdminProxyService.DescribeImages"), contentType: contentType);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Theory]
    [InlineData("PhotonAdminProxyService.DescribeThings")]
    [InlineData("PhotonAdminProxyService.describeimages")]
    [InlineData("DynamoDB_20120810.ListTables")]
    [InlineData("PhotonAdminProxyService.")]
    public async Task An_unknown_operation_is_an_unknown_operation_exception(string target)
    {
        var answer = await fixture.SendAsync(fixture.NewAccount(), "{}", request => request.Headers.Add("X-Amz-Target", target));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("UnknownOperationException", answer.ErrorType);
    }

    [Fact]
    public async Task A_request_without_a_target_is_an_unknown_operation_exception()
    {
        var answer = await fixture.SendAsync(fixture.NewAccount(), "{}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("UnknownOperationException", answer.ErrorType);
    }

    [Fact]
    public async Task Unknown_members_are_ignored_and_an_empty_body_is_an_empty_request()
    {
        var account = fixture.NewAccount();
        var unknownMember = await fixture.CallAsync(account, "DescribeImages", """{"Type": "PUBLIC", "Frobnicate": {"deep": [1, 2]}}""");
        var empty = await fixture.CallAsync(account, "DescribeImages", "");

        Assert.Equal(HttpStatusCode.OK, unknownMember.Status);
        Assert.Equal(HttpStatusCode.OK, empty.Status);
    }

    public static TheoryData<string> Garbage() => new()
    {
        "", "{}", "[]", "null", "0", "\"\"", "{\"", "{}{}", "\u0000", "{\"Name\": null}", "{\"Name\": {}}", "{\"Name\": []}",
        "{\"Name\": \"\"}", $"{{\"Name\": \"{new string('x', 5000)}\"}}", "{\"Name\": \"a/b\"}", "{\"Name\": \"..\"}",
        "{\"Name\": \"x\", \"SharedAccountId\": \"12345678901234567890\"}", "{\"Name\": \"x\", \"SharedAccountId\": 123456789012}",
        "{\"Name\": \"x\", \"SharedAccountId\": \"123456789012\", \"ImagePermissions\": {}}",
        "{\"Names\": [null]}", "{\"Names\": [\"\"]}", "{\"Arns\": [\"arn:aws:appstream:us-east-1::image/\"]}",
        "{\"Arns\": [\"arn:aws:appstream:zz-east-9:123456789012:image/x\"]}", "{\"Names\": [\"a\"], \"Arns\": [\"b\"]}",
        "{\"MaxResults\": -1}", "{\"MaxResults\": 1.5}", "{\"MaxResults\": 1e400}", "{\"NextToken\": \"\"}", "{\"NextToken\": \"cmVnaW9uc2ltOi0x\"}",
        "{\"NextToken\": \"cmVnaW9uc2ltOjk5OTk5OTk5OTk5\"}", "{\"Type\": null}", "{\"Type\": \"\"}",
        "{\"SourceImageName\": \"x\", \"DestinationImageName\": \"y\", \"DestinationRegion\": \"\"}",
        "{\"SourceImageName\": \"x\", \"DestinationImageName\": \"y\", \"DestinationRegion\": \"../../etc\"}",
        "{\"ResourceArn\": \"arn:aws:appstream:us-east-1:123456789012:fleet/f\", \"Tags\": {}, \"TagKeys\": []}",
        "{\"ResourceArn\": \"arn:aws:appstream:us-east-1:123456789012:image/a/b\"}",
        "{\"ResourceArn\": \"arn:aws:appstream:us-east-1::image/AppStream-WinServer2019-10-08-2024\", \"Tags\": {\"aws:x\": \"v\"}, \"TagKeys\": [\"\"]}",
        "{\"ResourceArn\": \"arn:aws:appstream:us-east-1:123456789012:image/i\", \"Tags\": null, \"TagKeys\": null}",
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Client_input_never_causes_a_server_error(string body)
    {
        var account = fixture.NewAccount();
        foreach (var operation in Operations)
        {
            var answer = await fixture.CallAsync(account, operation, body);

            Assert.True((int)answer.Status < 500, $"{operation} {body[..Math.Min(body.Length, 80)]} → {answer}");
            if (answer.Status != HttpStatusCode.OK)
            {
                Assert.NotNull(answer.ErrorType);
                Assert.False(string.IsNullOrEmpty(answer.Message));
            }
        }
    }

    [Fact]
    public async Task Rejected_calls_change_nothing()
    {
        var (owner, other) = (fixture.NewAccount(), fixture.NewAccount());
        var image = await fixture.NewAvailableImageAsync(owner);
        var arn = $"arn:aws:appstream:us-east-1:{owner}:image/{image}";
        async Task<string> SnapshotAsync() => string.Join("\n",
            (await fixture.CallAsync(owner, "DescribeImages", """{"Type": "PRIVATE"}""")).Body,
            (await fixture.CallAsync(owner, "DescribeImages", """{"Type": "PRIVATE"}""", "eu-west-1")).Body,
            (await fixture.CallAsync(owner, "DescribeImagePermissions", $$$"""{"Name": "{{{image}}}"}""")).Body,
            (await fixture.CallAsync(owner, "ListTagsForResource", $$$"""{"ResourceArn": "{{{arn}}}"}""")).Body,
            (await fixture.CallAsync(other, "DescribeImages", """{"Type": "SHARED"}""")).Body);
        var before = await SnapshotAsync();

        var rejected = new (string Account, string Operation, string Body)[]
        {
            (owner, "UpdateImagePermissions", $$$"""{"Name": "{{{image}}}", "SharedAccountId": "12345", "ImagePermissions": {"allowFleet": true, "allowImageBuilder": true}}"""),
            (owner, "UpdateImagePermissions", $$$"""{"Name": "{{{image}}}", "SharedAccountId": "{{{other}}}", "ImagePermissions": {"allowFleet": "yes"}}"""),
            (owner, "UpdateImagePermissions", $$$"""{"Name": "{{{image}}}", "SharedAccountId": "{{{owner}}}", "ImagePermissions": {"allowFleet": true, "allowImageBuilder": true}}"""),
            (other, "UpdateImagePermissions", $$$"""{"Name": "{{{image}}}", "SharedAccountId": "{{{other}}}", "ImagePermissions": {"allowFleet": true, "allowImageBuilder": true}}"""),
            (owner, "CopyImage", $$$"""{"SourceImageName": "{{{image}}}", "DestinationImageName": "bad name", "DestinationRegion": "eu-west-1"}"""),
            (owner, "CopyImage", $$$"""{"SourceImageName": "{{{image}}}", "DestinationImageName": "fine", "DestinationRegion": "mars-1"}"""),
            (owner, "CopyImage", $$$"""{"SourceImageName": "{{{image}}}", "DestinationImageName": "fine", "DestinationRegion": "eu-west-1", "DestinationImageDescription": "{{{new string('d', 257)}}}"}"""),
            (other, "CopyImage", $$$"""{"SourceImageName": "{{{image}}}", "DestinationImageName": "mine-now", "DestinationRegion": "eu-west-1"}"""),
            (other, "DeleteImage", $$$"""{"Name": "{{{image}}}"}"""),
            (owner, "TagResource", $$$"""{"ResourceArn": "{{{arn}}}", "Tags": {"aws:reserved": "x"}}"""),
            (owner, "TagResource", $$$"""{"ResourceArn": "{{{arn}}}", "Tags": {}}"""),
            (other, "TagResource", $$$"""{"ResourceArn": "{{{arn}}}", "Tags": {"stolen": "yes"}}"""),
            (owner, "UntagResource", $$$"""{"ResourceArn": "{{{arn}}}", "TagKeys": []}"""),
            (other, "UntagResource", $$$"""{"ResourceArn": "{{{arn}}}", "TagKeys": ["team"]}"""),
            (owner, "DeleteImagePermissions", $$$"""{"Name": "{{{image}}}", "SharedAccountId": "{{{other}}}"}"""),
        };
        foreach (var (account, operation, body) in rejected)
        {
            var answer = await fixture.CallAsync(account, operation, body);
            Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{operation} as {(account == owner ? "owner" : "other")}: {body[..Math.Min(body.Length, 120)]} → {answer}");
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Rejected_fleet_stack_and_session_calls_change_nothing()
    {
        var (owner, other) = (fixture.NewAccount(), fixture.NewAccount());
        var (fleet, stack) = ("kept-fleet", "kept-stack");
        var fleetArn = $"arn:aws:appstream:us-east-1:{owner}:fleet/{fleet}";
        var stackArn = $"arn:aws:appstream:us-east-1:{owner}:stack/{stack}";
        foreach (var (operation, body) in new[]
        {
            ("CreateFleet", $$$"""{"Name": "{{{fleet}}}", "ImageName": "{{{EndpointFixture.BaseImage}}}", "InstanceType": "stream.standard.small", "ComputeCapacity": {"DesiredInstances": 1}, "Tags": {"team": "a"}}"""),
            ("CreateStack", $$$"""{"Name": "{{{stack}}}", "Tags": {"team": "a"}}"""),
            ("AssociateFleet", $$$"""{"FleetName": "{{{fleet}}}", "StackName": "{{{stack}}}"}"""),
        })
        {
            Assert.Equal(HttpStatusCode.OK, (await fixture.CallAsync(owner, operation, body)).Status);
        }

        async Task<string> SnapshotAsync() => string.Join("\n",
            (await fixture.CallAsync(owner, "DescribeFleets", "{}")).Body,
            (await fixture.CallAsync(owner, "DescribeStacks", "{}")).Body,
            (await fixture.CallAsync(owner, "ListTagsForResource", $$$"""{"ResourceArn": "{{{fleetArn}}}"}""")).Body,
            (await fixture.CallAsync(owner, "ListTagsForResource", $$$"""{"ResourceArn": "{{{stackArn}}}"}""")).Body,
            (await fixture.CallAsync(owner, "ListAssociatedFleets", $$$"""{"StackName": "{{{stack}}}"}""")).Body,
            (await fixture.CallAsync(other, "DescribeFleets", "{}")).Body,
            (await fixture.CallAsync(other, "DescribeStacks", "{}")).Body);
        var before = await SnapshotAsync();

        var rejected = new (string Account, string Operation, string Body)[]
        {
            (owner, "CreateFleet", $$$"""{"Name": "{{{fleet}}}", "ImageName": "{{{EndpointFixture.BaseImage}}}", "InstanceType": "stream.standard.small"}"""),
            (owner, "CreateFleet", $$$"""{"Name": "new-fleet", "ImageName": "no-such-image", "InstanceType": "stream.standard.small", "ComputeCapacity": {"DesiredInstances": 1}}"""),
            (owner, "CreateFleet", $$$"""{"Name": "new-fleet", "ImageName": "{{{EndpointFixture.BaseImage}}}", "InstanceType": "stream.standard.small", "MaxUserDurationInSeconds": 1}"""),
            (owner, "UpdateFleet", $$$"""{"Name": "{{{fleet}}}", "ComputeCapacity": {"DesiredInstances": -1}}"""),
            (owner, "UpdateFleet", $$$"""{"Name": "{{{fleet}}}", "DisplayName": "{{{new string('d', 101)}}}"}"""),
            (owner, "DeleteFleet", $$$"""{"Name": "{{{fleet}}}"}"""),
            (owner, "StopFleet", """{"Name": "no-such-fleet"}"""),
            (other, "DeleteFleet", $$$"""{"Name": "{{{fleet}}}"}"""),
            (owner, "CreateStack", $$$"""{"Name": "{{{stack}}}"}"""),
            (owner, "UpdateStack", $$$"""{"Name": "{{{stack}}}", "RedirectURL": "https://example.com", "AttributesToDelete": ["REDIRECT_URL"]}"""),
            (owner, "DeleteStack", $$$"""{"Name": "{{{stack}}}"}"""),
            (owner, "AssociateFleet", $$$"""{"FleetName": "no-such-fleet", "StackName": "{{{stack}}}"}"""),
            (owner, "DisassociateFleet", $$$"""{"FleetName": "another-fleet", "StackName": "{{{stack}}}"}"""),
            (other, "DisassociateFleet", $$$"""{"FleetName": "{{{fleet}}}", "StackName": "{{{stack}}}"}"""),
            (owner, "CreateStreamingURL", $$$"""{"StackName": "{{{stack}}}", "FleetName": "{{{fleet}}}", "UserId": "ann"}"""),
            (owner, "TagResource", $$$"""{"ResourceArn": "{{{fleetArn}}}", "Tags": {"aws:x": "y"}}"""),
            (other, "TagResource", $$$"""{"ResourceArn": "{{{fleetArn}}}", "Tags": {"stolen": "yes"}}"""),
            (other, "UntagResource", $$$"""{"ResourceArn": "{{{stackArn}}}", "TagKeys": ["team"]}"""),
            (owner, "DescribeSessions", $$$"""{"StackName": "{{{stack}}}", "FleetName": "{{{fleet}}}", "UserId": "ann"}"""),
        };
        foreach (var (account, operation, body) in rejected)
        {
            var answer = await fixture.CallAsync(account, operation, body);
            Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{operation} as {(account == owner ? "owner" : "other")}: {body[..Math.Min(body.Length, 120)]} → {answer}");
        }

        Assert.Equal(before, await SnapshotAsync());
    }
}
