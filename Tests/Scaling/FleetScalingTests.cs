using System.Globalization;
using RegionSim.Errors;
using RegionSim.Fleets;
using RegionSim.Scaling;
using RegionSim.Sessions;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Scaling;

[Collection(ClusterCollection.Name)]
public sealed class FleetScalingTests(ClusterFixture fixture)
{
    private const string Region = ImageSetup.Region;

    private IFleetScalingGrain Scaling(string account, string fleet) => fixture.Grains.GetFleetScaling(Region, account, fleet);

    [Fact]
    public async Task A_target_tracking_policy_follows_a_simulated_day_of_demand()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, desired: 2);
        var scaling = Scaling(account, fleet);
        await scaling.RegisterScalableTargetAsync(new RegisterScalableTargetRequest { MinCapacity = 2, MaxCapacity = 60 });
        await scaling.PutScalingPolicyAsync(new PutScalingPolicyRequest
        {
            PolicyName = "utilization-75",
            PolicyType = ScalingPolicyType.TargetTrackingScaling,
            // Longer than provisioning: a scale-out does not pile onto one whose instances are still coming.
            TargetTrackingScalingPolicyConfiguration = new TargetTrackingScalingPolicyConfiguration { TargetValue = 75, ScaleOutCooldown = 900 },
        });

        // Demand over the day: nobody for 2 hours, up to 30 users by hour 4, 30 until hour 8, nobody from hour 10.
        static int UsersAt(double hour) => hour switch
        {
            < 2 or >= 10 => 0,
            < 4 => (int)(15 * (hour - 2)),
            < 8 => 30,
            _ => (int)(15 * (10 - hour)),
        };

        var streaming = new Queue<string>();
        var (maxDesired, refused, user) = (0, 0, 0);
        ScalingActivity? firstOut = null, firstIn = null;
        for (var step = 0; step < 24 * 6; step++)
        {
            var wanted = UsersAt(step / 6.0);
            while (streaming.Count > wanted)
            {
                await fixture.ActAsync(account, fleet, streaming.Dequeue(), UserAction.LogOut);
            }

            while (streaming.Count < wanted)
            {
                try
                {
                    streaming.Enqueue((await fixture.ConnectAsync(account, stack, fleet, $"user{user++}")).Session.Id);
                }
                catch (AppStreamException error) when (error.Code == AppStreamErrorCode.ResourceNotAvailable)
                {
                    refused++;
                    break;
                }
            }

            await fixture.AdvanceAsync(TimeSpan.FromMinutes(10));
            maxDesired = Math.Max(maxDesired, (await fixture.CapacityAsync(account, fleet)).Desired);
            var activities = (await scaling.DescribeScalingAsync()).ScalingActivities;
            if (firstOut is null && activities.FirstOrDefault(a => a.ToCapacity > a.FromCapacity) is { } scaledOut)
            {
                firstOut = scaledOut;
                await AssertHeldBeforeAsync(scaling, scaledOut, ScalingDecisions.TargetTrackingScaleOutMinutes, utilization => utilization > 75);
            }

            if (firstIn is null && activities.FirstOrDefault(a => a.ToCapacity < a.FromCapacity) is { } scaledIn)
            {
                firstIn = scaledIn;
                await AssertHeldBeforeAsync(scaling, scaledIn, ScalingDecisions.TargetTrackingScaleInMinutes, utilization => utilization < 75 * 0.9);
            }
        }

        // At the peak, 30 users at 75% need 40 instances; at night the fleet is back at its minimum.
        Assert.InRange(maxDesired, 40, 48);
        Assert.NotNull(firstOut);
        Assert.NotNull(firstIn);
        Assert.True(firstIn.StartTime > firstOut.StartTime);
        Assert.True(refused > 0, "The morning ramp outruns provisioning, so some users find no instance.");
        Assert.Equal(new ComputeCapacityStatus { Desired = 2, Running = 2, InUse = 0, Available = 2 }, await fixture.CapacityAsync(account, fleet));

        var metrics = await scaling.GetMetricsAsync(FleetMetrics.HistoryMinutes);
        Assert.Equal(FleetMetrics.HistoryMinutes, metrics.Datapoints.Count);
        Assert.All(metrics.Datapoints.Zip(metrics.Datapoints.Skip(1)), pair => Assert.Equal(pair.First.Timestamp + TimeSpan.FromMinutes(1), pair.Second.Timestamp));
        Assert.All(metrics.Datapoints, point => Assert.Equal(0, point.CapacityUtilization));
        await scaling.DeregisterScalableTargetAsync();
    }

    [Fact]
    public async Task A_step_policy_on_InsufficientCapacityError_raises_capacity_below_the_minimum_to_it_and_waits_out_its_cooldown()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, desired: 0);
        var scaling = Scaling(account, fleet);
        await scaling.RegisterScalableTargetAsync(new RegisterScalableTargetRequest { MinCapacity = 3, MaxCapacity = 5 });
        await scaling.PutScalingPolicyAsync(new PutScalingPolicyRequest
        {
            PolicyName = "refusals",
            PolicyType = ScalingPolicyType.StepScaling,
            StepScalingPolicyConfiguration = new StepScalingPolicyConfiguration
            {
                AdjustmentType = AdjustmentType.ChangeInCapacity, StepAdjustments = [new StepAdjustment { MetricIntervalLowerBound = 0, ScalingAdjustment = 1 }], Cooldown = 300,
            },
            Alarm = new MetricAlarm { MetricName = FleetMetricName.InsufficientCapacityError, ComparisonOperator = ComparisonOperator.GreaterThanThreshold, Threshold = 0 },
        });

        // Desired 0 is below the minimum, yet no scale-in ever raises it; the first scale-out does.
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(20));
        Assert.Equal(0, (await fixture.CapacityAsync(account, fleet)).Desired);
        await Expect.Refused(AppStreamErrorCode.ResourceNotAvailable, () => fixture.ConnectAsync(account, stack, fleet, "ada"));
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(3, (await fixture.CapacityAsync(account, fleet)).Desired);

        // Refused again within the cooldown: nothing; after it: one more.
        await Expect.Refused(AppStreamErrorCode.ResourceNotAvailable, () => fixture.ConnectAsync(account, stack, fleet, "ada"));
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(3, (await fixture.CapacityAsync(account, fleet)).Desired);
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(3));
        await Expect.Refused(AppStreamErrorCode.ResourceNotAvailable, () => fixture.ConnectAsync(account, stack, fleet, "ada"));
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(4, (await fixture.CapacityAsync(account, fleet)).Desired);
        await scaling.DeregisterScalableTargetAsync();
    }

    [Fact]
    public async Task Capacity_set_above_the_maximum_is_lowered_by_a_scale_in_and_never_by_a_scale_out()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, desired: 8);
        var scaling = Scaling(account, fleet);
        await scaling.RegisterScalableTargetAsync(new RegisterScalableTargetRequest { MinCapacity = 1, MaxCapacity = 4 });
        Assert.Equal(8, (await fixture.CapacityAsync(account, fleet)).Desired);

        await scaling.PutScalingPolicyAsync(StepOn("always-out", FleetMetricName.DesiredCapacity, ComparisonOperator.GreaterThanOrEqualToThreshold, 0, adjustment: 2));
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(8, (await fixture.CapacityAsync(account, fleet)).Desired);

        await scaling.DeleteScalingPolicyAsync("always-out");
        await scaling.PutScalingPolicyAsync(StepOn("idle-in", FleetMetricName.AvailableCapacity, ComparisonOperator.GreaterThanThreshold, 0, adjustment: -1));
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(4, (await fixture.CapacityAsync(account, fleet)).Desired);
        await scaling.DeregisterScalableTargetAsync();
    }

    [Fact]
    public async Task Scheduled_actions_change_the_bounds_at_their_time_and_bring_capacity_inside()
    {
        var account = TestAccounts.NewAccount();
        var fleet = await fixture.NewFleetAsync(account, desired: 2);
        var scaling = Scaling(account, fleet);
        await scaling.RegisterScalableTargetAsync(new RegisterScalableTargetRequest { MinCapacity = 1, MaxCapacity = 10 });
        var now = await fixture.Clock.GetNowAsync();
        string At(TimeSpan after) => $"at({(now + after).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)})";
        await scaling.PutScheduledActionAsync(new PutScheduledActionRequest
        {
            ScheduledActionName = "morning", Schedule = At(TimeSpan.FromHours(1)), ScalableTargetAction = new ScalableTargetAction { MinCapacity = 6 },
        });
        await scaling.PutScheduledActionAsync(new PutScheduledActionRequest
        {
            ScheduledActionName = "evening", Schedule = At(TimeSpan.FromHours(3)), ScalableTargetAction = new ScalableTargetAction { MinCapacity = 1, MaxCapacity = 3 },
        });
        Assert.Equal(now + TimeSpan.FromHours(1), (await scaling.DescribeScalingAsync()).ScheduledActions.Single(a => a.ScheduledActionName == "morning").NextRun);

        await fixture.AdvanceAsync(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await fixture.CapacityAsync(account, fleet)).Desired);
        await fixture.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(6, (await fixture.CapacityAsync(account, fleet)).Desired);
        Assert.Equal(6, (await scaling.DescribeScalingAsync()).ScalableTarget!.MinCapacity);

        await fixture.AdvanceAsync(TimeSpan.FromHours(2));
        Assert.Equal(3, (await fixture.CapacityAsync(account, fleet)).Desired);
        var described = await scaling.DescribeScalingAsync();
        Assert.Equal((1, 3), (described.ScalableTarget!.MinCapacity, described.ScalableTarget.MaxCapacity));
        Assert.All(described.ScheduledActions, action => Assert.Null(action.NextRun));
        Assert.Equal(["scheduled action morning", "scheduled action evening"], described.ScalingActivities.Select(a => a.Cause));
    }

    [Fact]
    public async Task Scaling_needs_a_registered_target_and_a_fleet_that_is_not_ELASTIC()
    {
        var account = TestAccounts.NewAccount();
        var fleet = await fixture.NewFleetAsync(account);
        var elastic = await fixture.NewFleetAsync(account, FleetType.Elastic, configure: request => request with
        {
            ImageName = null, Platform = RegionSim.Images.PlatformType.WindowsServer2019, MaxConcurrentSessions = 2,
            VpcConfig = new VpcConfig { SubnetIds = ["subnet-a", "subnet-b"] },
        });

        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => Scaling(account, fleet).PutScalingPolicyAsync(StepOn("p", FleetMetricName.InUseCapacity, ComparisonOperator.GreaterThanThreshold, 1, 1)));
        await Expect.Refused(AppStreamErrorCode.Validation, () => Scaling(account, elastic).RegisterScalableTargetAsync(new RegisterScalableTargetRequest { MinCapacity = 1, MaxCapacity = 2 }));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => Scaling(account, "no-such-fleet").RegisterScalableTargetAsync(new RegisterScalableTargetRequest { MinCapacity = 1, MaxCapacity = 2 }));
    }

    private static PutScalingPolicyRequest StepOn(string name, FleetMetricName metric, ComparisonOperator comparison, double threshold, int adjustment) => new()
    {
        PolicyName = name,
        PolicyType = ScalingPolicyType.StepScaling,
        StepScalingPolicyConfiguration = new StepScalingPolicyConfiguration
        {
            AdjustmentType = AdjustmentType.ChangeInCapacity, StepAdjustments = [new StepAdjustment { ScalingAdjustment = adjustment }], Cooldown = 60,
        },
        Alarm = new MetricAlarm { MetricName = metric, ComparisonOperator = comparison, Threshold = threshold },
    };

    /// <summary>The minutes just before a scaling activity all met the policy's condition.</summary>
    private static async Task AssertHeldBeforeAsync(IFleetScalingGrain scaling, ScalingActivity activity, int minutes, Func<double, bool> condition)
    {
        var points = (await scaling.GetMetricsAsync(FleetMetrics.HistoryMinutes)).Datapoints;
        var before = points.Where(p => p.Timestamp < activity.StartTime).TakeLast(minutes).ToList();
        Assert.Equal(minutes, before.Count);
        Assert.All(before, point => Assert.True(condition(point.CapacityUtilization), $"At {point.Timestamp:t} utilization was {point.CapacityUtilization:F1} before the activity at {activity.StartTime:t}"));
    }
}
