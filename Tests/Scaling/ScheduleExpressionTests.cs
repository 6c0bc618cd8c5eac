using RegionSim.Errors;
using RegionSim.Scaling;

namespace RegionSim.Tests.Scaling;

public sealed class ScheduleExpressionTests
{
    private static readonly DateTimeOffset Saturday = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void At_runs_once()
    {
        var schedule = ScheduleExpression.Parse("at(2026-01-10T18:30:00)", null);
        var at = new DateTimeOffset(2026, 1, 10, 18, 30, 0, TimeSpan.Zero);
        Assert.Equal(at, schedule.NextAfter(Saturday, Saturday, null, null));
        Assert.Null(schedule.NextAfter(at, Saturday, null, null));
    }

    [Fact]
    public void Rate_counts_from_when_the_action_was_put_or_from_its_start_time()
    {
        var schedule = ScheduleExpression.Parse("rate(15 minutes)", null);
        Assert.Equal(Saturday.AddMinutes(15), schedule.NextAfter(Saturday, Saturday, null, null));
        Assert.Equal(Saturday.AddMinutes(30), schedule.NextAfter(Saturday.AddMinutes(16), Saturday, null, null));
        Assert.Equal(Saturday.AddHours(1), schedule.NextAfter(Saturday, Saturday, Saturday.AddHours(1), null));
        Assert.Null(schedule.NextAfter(Saturday.AddHours(2), Saturday, null, Saturday.AddHours(2).AddMinutes(10)));
        Assert.Equal(Saturday.AddDays(1), ScheduleExpression.Parse("rate(1 day)", null).NextAfter(Saturday, Saturday, null, null));
    }

    [Theory]
    [InlineData("cron(0 8 ? * MON-FRI *)", "2026-01-12T08:00:00Z")]
    [InlineData("cron(0 8 ? * 2-6 *)", "2026-01-12T08:00:00Z")]     // AWS numbers days from 1 = Sunday
    [InlineData("cron(0 8 ? * 1 *)", "2026-01-11T08:00:00Z")]
    [InlineData("cron(30 9 1 * ? 2027)", "2027-01-01T09:30:00Z")]
    [InlineData("cron(0/20 * * * ? *)", "2026-01-10T09:20:00Z")]
    public void Cron_follows_the_AWS_fields(string expression, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            ScheduleExpression.Parse(expression, null).NextAfter(Saturday, Saturday, null, null));

    [Fact]
    public void Cron_and_at_read_their_time_zone()
    {
        var schedule = ScheduleExpression.Parse("cron(0 8 ? * * *)", "Europe/Paris");
        Assert.Equal(new DateTimeOffset(2026, 1, 11, 7, 0, 0, TimeSpan.Zero), schedule.NextAfter(Saturday, Saturday, null, null));
    }

    [Theory]
    [InlineData("cron(0 8 * * * *)")]
    [InlineData("cron(0 8 ? * MON-FRI)")]
    [InlineData("cron(0 8 ? * MON-FRI 1900)")]
    [InlineData("rate(0 minutes)")]
    [InlineData("rate(5 weeks)")]
    [InlineData("at(2026-13-01T00:00:00)")]
    [InlineData("every morning")]
    [InlineData("")]
    public void Anything_else_is_refused(string expression)
    {
        var error = Assert.Throws<AppStreamException>(() => ScheduleExpression.Parse(expression, null));
        Assert.Equal(AppStreamErrorCode.Validation, error.Code);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused() =>
        Assert.Equal(AppStreamErrorCode.Validation, Assert.Throws<AppStreamException>(() => ScheduleExpression.Parse("rate(1 hour)", "Mars/Olympus")).Code);
}
