using RegionSim.Accounts;
using RegionSim.Images;
using RegionSim.Resources;

namespace RegionSim.Tests.Images;

/// <summary>The views an account keeps of its images: the newest version of each wins, whatever order they come in.</summary>
public sealed class AccountImageViewsTests
{
    private static readonly ResourceKey Key = new("us-east-1", "123456789012", "img");
    private static readonly DateTimeOffset Made = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private static ImageView View(long sequence, ImageState? state, DateTimeOffset? made = null, DateTimeOffset? freshUntil = null) => new()
    {
        Key = Key,
        Incarnation = made ?? Made,
        Sequence = sequence,
        Image = state is null ? null : new Image { Name = Key.Name, State = state },
        FreshUntil = freshUntil,
    };

    [Fact]
    public void A_late_older_view_never_replaces_a_newer_one()
    {
        var views = new AccountImageViews();

        Assert.True(views.Keep(View(2, ImageState.Available)));
        Assert.False(views.Keep(View(1, ImageState.Pending)));
        Assert.False(views.Keep(View(2, ImageState.Pending)));
        Assert.Equal(ImageState.Available, views.ByKey[Key].Image!.State);
        Assert.True(views.Keep(View(3, null)));
        Assert.Null(views.ByKey[Key].Image);
    }

    [Fact]
    public void A_later_image_of_the_same_name_is_newer_whatever_its_sequence()
    {
        var views = new AccountImageViews();
        views.Keep(View(9, null));

        Assert.True(views.Keep(View(1, ImageState.Pending, made: Made.AddHours(1))));
        Assert.False(views.Keep(View(10, ImageState.Deleting)));
        Assert.Equal(ImageState.Pending, views.ByKey[Key].Image!.State);
    }

    [Fact]
    public void Views_that_time_alone_changes_are_stale_from_their_moment()
    {
        var views = new AccountImageViews();
        views.Keep(View(1, ImageState.Available, freshUntil: Made.AddDays(3)));

        Assert.Empty(views.StaleAt(Made.AddDays(2)));
        Assert.Equal([Key], views.StaleAt(Made.AddDays(3)));
        Assert.False(views.Keep(View(1, ImageState.Available)));
        Assert.True(views.Keep(View(1, ImageState.Available), refresh: true));
        Assert.False(views.Keep(View(0, ImageState.Pending), refresh: true));
        views.Refreshed();
        Assert.Null(views.StaleFrom);
        Assert.Empty(views.StaleAt(Made.AddDays(30)));
    }
}
