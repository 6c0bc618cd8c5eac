using RegionSim.Images;
using RegionSim.Resources;

namespace RegionSim.Accounts;

/// <summary>
/// The views an account holds of its own and shared-with-it images in one region, for one activation:
/// the newest version of each, whatever order the images' pushes and the account's own asks arrive in.
/// </summary>
internal sealed class AccountImageViews
{
    /// <summary>How many DescribeImages answers are kept at most (one per visibility, page and page size asked).</summary>
    public const int AnswersKept = 64;

    public Dictionary<ResourceKey, ImageView> ByKey { get; } = [];

    /// <summary>
    /// DescribeImages answers (without Names or Arns) already made from these views, by what they were asked:
    /// the same immutable answer until anything the account sees changes, so that it is assembled (and
    /// encoded) once.
    /// </summary>
    public Dictionary<(VisibilityType? Type, int Offset, int PageSize), DescribeImagesResponse> Answers { get; } = [];

    /// <summary>The first load of the views (asking each image); the views are complete once it has.</summary>
    public Task Loading { get; set; } = Task.CompletedTask;

    /// <summary>The earliest moment a held view stops holding by itself (time alone changes it).</summary>
    public DateTimeOffset? StaleFrom { get; set; }

    /// <summary>
    /// Keeps <paramref name="view"/> unless the view held of that image is as new or newer; answers whether it
    /// was kept. A <paramref name="refresh"/> (the image asked again because time changed its view) replaces a
    /// view of the same version too.
    /// </summary>
    public bool Keep(ImageView view, bool refresh = false)
    {
        var held = ByKey.GetValueOrDefault(view.Key);
        if (refresh ? held?.IsNewerThan(view) == true : !view.IsNewerThan(held))
        {
            return false;
        }

        ByKey[view.Key] = view;
        Answers.Clear();
        if (view.FreshUntil is { } until && (StaleFrom is null || until < StaleFrom))
        {
            StaleFrom = until;
        }

        return true;
    }

    /// <summary>Something the account sees changed besides a view (its image names, the images shared with it).</summary>
    public void Changed() => Answers.Clear();

    /// <summary>The images whose views no longer hold at <paramref name="now"/>.</summary>
    public List<ResourceKey> StaleAt(DateTimeOffset now) =>
        StaleFrom is { } from && from <= now ? ByKey.Values.Where(view => view.FreshUntil <= now).Select(view => view.Key).ToList() : [];

    /// <summary>After the stale views were asked again: when the next one goes stale.</summary>
    public void Refreshed() => StaleFrom = ByKey.Values.Min(view => view.FreshUntil);
}
