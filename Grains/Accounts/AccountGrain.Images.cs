using RegionSim.Errors;
using RegionSim.Images;
using RegionSim.Regions;
using RegionSim.Resources;
using RegionSim.Validation;

namespace RegionSim.Accounts;

/// <summary>
/// The images the account sees: DescribeImages, the Image Registry and resolving an image a request names.
/// The account answers from what it holds: the region's public catalogue (immutable, fetched once per
/// activation) and the views its own and shared-with-it images told it. The images decide their views and
/// push them when they change; the account only keeps the newest version of each.
/// </summary>
public sealed partial class AccountGrain
{
    public const int DescribeImagesPageSize = 25;

    private readonly Dictionary<string, IReadOnlyList<Image>> _publicImages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccountImageViews> _imageViews = new(StringComparer.Ordinal);

    async Task IAccountGrain.AddSharedImageAsync(ImageView view)
    {
        KeepView(view);
        if (In(view.Key.Region).SharedWithMe.Add(view.Key.ToString()))
        {
            ImagesChanged(view.Key.Region);
            await state.WriteStateAsync();
        }
    }

    async Task IAccountGrain.RemoveSharedImageAsync(ImageView view)
    {
        KeepView(view);
        if (In(view.Key.Region).SharedWithMe.Remove(view.Key.ToString()))
        {
            ImagesChanged(view.Key.Region);
            await state.WriteStateAsync();
        }
    }

    Task IAccountGrain.UpdateImageViewAsync(ImageView view)
    {
        KeepView(view);
        return Task.CompletedTask;
    }

    async Task<DescribeImagesResponse> IAccountGrain.DescribeImagesAsync(string region, DescribeImagesRequest request)
    {
        Check.Region(region, "Region");
        var pageSize = Check.Range(request.MaxResults, 0, DescribeImagesPageSize, nameof(request.MaxResults)) is { } max and > 0 ? max : DescribeImagesPageSize;
        var offset = Check.PageOffset(request.NextToken);
        if (request.Names is { Count: > 0 } && request.Arns is { Count: > 0 })
        {
            throw AppStreamException.InvalidCombination("DescribeImages takes Names or Arns, not both.");
        }

        var views = await ImageViewsAsync(region);
        var listed = request.Names is not { Count: > 0 } && request.Arns is not { Count: > 0 };
        if (listed && views.Answers.TryGetValue((request.Type, offset, pageSize), out var answered))
        {
            return answered;
        }

        var listing = ListImages(region, request.Names, request.Arns, views);
        var images = new List<Image>(listing.Count);
        foreach (var entry in listing)
        {
            if (request.Type is null || entry.Visibility == request.Type)
            {
                images.Add(entry.Image!);
            }
        }

        var (page, next) = Paging.Slice(images, offset, pageSize);
        var answer = new DescribeImagesResponse { Images = page, NextToken = next };
        if (listed)
        {
            if (views.Answers.Count >= AccountImageViews.AnswersKept)
            {
                views.Answers.Clear();
            }

            views.Answers[(request.Type, offset, pageSize)] = answer;
        }

        return answer;
    }

    async Task<ImageRegistry> IAccountGrain.GetImageRegistryAsync(string region)
    {
        Check.Region(region, "Region");
        var images = ListImages(region, names: null, arns: null, await ImageViewsAsync(region)).Select(entry => entry.Image!).ToList();
        return new ImageRegistry
        {
            Public = images.Where(i => i.Visibility == VisibilityType.Public).ToList(),
            Private = images.Where(i => i.Visibility == VisibilityType.Private && i.ImageSharedWithOthers != "TRUE").ToList(),
            SharedWithOthers = images.Where(i => i.Visibility == VisibilityType.Private && i.ImageSharedWithOthers == "TRUE").ToList(),
            SharedWithMe = images.Where(i => i.Visibility == VisibilityType.Shared).ToList(),
        };
    }

    async Task<ResourceKey> IAccountGrain.ResolveImageAsync(string region, string? imageName, string? imageArn)
    {
        if ((imageName is null) == (imageArn is null))
        {
            throw AppStreamException.InvalidCombination("Exactly one of ImageName and ImageArn must be given.");
        }

        // Which image a name means needs no views: the image then decides what the caller may do with it.
        await PublicImagesAsync(region);
        var listing = imageName is not null ? ListImages(region, [imageName], arns: null, views: null) : ListImages(region, names: null, [imageArn!], views: null);
        return listing[0].Key;
    }

    /// <summary>The region's public images, asked of the region once per activation (they never change).</summary>
    private async Task<IReadOnlyList<Image>> PublicImagesAsync(string region)
    {
        if (!_publicImages.TryGetValue(region, out var images))
        {
            images = await GrainFactory.GetGrain<IRegionGrain>(region).DescribePublicImagesAsync();
            _publicImages[region] = images;
        }

        return images;
    }

    /// <summary>
    /// The views of the account's own and shared-with-it images in the region: asked of each image the first
    /// time (concurrent callers share that), kept up to date by the images' pushes after; views that time alone
    /// has changed since (a newer agent released) are asked again.
    /// </summary>
    private async Task<AccountImageViews> ImageViewsAsync(string region)
    {
        await PublicImagesAsync(region);
        if (!_imageViews.TryGetValue(region, out var views))
        {
            views = new AccountImageViews();
            _imageViews[region] = views;
            views.Loading = LoadViewsAsync(region, views);
        }

        if (!views.Loading.IsCompletedSuccessfully)
        {
            await views.Loading;
        }

        if (views.StaleAt(time.GetUtcNow()) is { Count: > 0 } stale)
        {
            foreach (var view in await Task.WhenAll(stale.Select(key => GrainFactory.GetImage(key).GetViewAsync(_accountId))))
            {
                views.Keep(view, refresh: true);
            }

            views.Refreshed();
        }

        return views;
    }

    private async Task LoadViewsAsync(string region, AccountImageViews views)
    {
        try
        {
            var holdings = In(region);
            var keys = holdings.NamesOf(ResourceKind.Image).Select(name => new ResourceKey(region, _accountId, name))
                .Concat(holdings.SharedWithMe.Select(ResourceKey.Parse))
                .ToList();
            foreach (var view in await Task.WhenAll(keys.Select(key => GrainFactory.GetImage(key).GetViewAsync(_accountId))))
            {
                views.Keep(view);
            }
        }
        catch
        {
            // The next describe starts over.
            _imageViews.Remove(region);
            throw;
        }
    }

    /// <summary>The account's image names or the images shared with it changed: answers made before no longer hold.</summary>
    private void ImagesChanged(string region)
    {
        if (_imageViews.TryGetValue(region, out var views))
        {
            views.Changed();
        }
    }

    /// <summary>
    /// The image of that name is gone and its name free: its view goes too, so that a new image of the name
    /// counts as newer whenever it was made (an old view coming late is not listed: the name gates it).
    /// </summary>
    private void ForgetView(ResourceKey image)
    {
        if (_imageViews.TryGetValue(image.Region, out var views))
        {
            views.ByKey.Remove(image);
            views.Changed();
        }
    }

    /// <summary>An image told the account how it sees it now; kept unless a newer view is already held (only while the region's views are held at all).</summary>
    private void KeepView(ImageView view)
    {
        if (_imageViews.TryGetValue(view.Key.Region, out var views))
        {
            views.Keep(view);
        }
    }

    /// <summary>
    /// The images the account can see in a region, in registry order: public, then its own, then those
    /// shared with it, each by name. Names find public and own images (and a shared one whose name is
    /// unambiguous); ARNs find any visible image. With <paramref name="views"/>, each entry carries its
    /// image as the account sees it and images it can't see (not made yet, gone) are left out; without,
    /// only which images there are.
    /// </summary>
    private List<ImageListing> ListImages(string region, IReadOnlyList<string>? names, IReadOnlyList<string>? arns, AccountImageViews? views)
    {
        var holdings = In(region);
        var all = new List<ImageListing>();
        foreach (var image in _publicImages[region])
        {
            all.Add(new ImageListing(ResourceKey.Public(region, image.Name), VisibilityType.Public, image));
        }

        foreach (var name in holdings.NamesOf(ResourceKind.Image).Order(StringComparer.Ordinal))
        {
            Add(new ResourceKey(region, _accountId, name), VisibilityType.Private);
        }

        foreach (var key in holdings.SharedWithMe.Select(ResourceKey.Parse).OrderBy(key => key.Name, StringComparer.Ordinal).ThenBy(key => key.Owner, StringComparer.Ordinal))
        {
            Add(key, VisibilityType.Shared);
        }

        if (names is { Count: > 0 })
        {
            return names.Select(name => FindByName(all, Check.Name(name, "Names"), region)).ToList();
        }

        if (arns is { Count: > 0 })
        {
            return arns.Select(arn => FindByArn(all, arn, region)).ToList();
        }

        return all;

        void Add(ResourceKey key, VisibilityType visibility)
        {
            if (views is null)
            {
                all.Add(new ImageListing(key, visibility, null));
            }
            else if (views.ByKey.TryGetValue(key, out var view) && view.Image is { } image)
            {
                all.Add(new ImageListing(key, visibility, image));
            }
        }
    }

    private ImageListing FindByName(List<ImageListing> all, string name, string region)
    {
        var named = all.Where(entry => entry.Key.Name == name).ToList();
        var found = named.FirstOrDefault(entry => entry.Visibility == VisibilityType.Private)
            ?? named.FirstOrDefault(entry => entry.Visibility == VisibilityType.Public)
            ?? (named.Count == 1 ? named[0] : null);
        return found ?? throw (named.Count > 1
            ? AppStreamException.InvalidCombination($"More than one account shares an image named {name} with account {_accountId} in {region}; name it by its ARN.")
            : AppStreamException.NotFound($"No image named {name} is visible to account {_accountId} in {region}."));
    }

    private ImageListing FindByArn(List<ImageListing> all, string arn, string region)
    {
        var key = AppStreamArn.Parse(arn, "Arns").Key;
        return all.FirstOrDefault(entry => entry.Key == key)
            ?? throw AppStreamException.NotFound($"No image with ARN {arn} is visible to account {_accountId} in {region}.");
    }

    /// <summary>One image in a listing: where it lives, how this account sees it, and the image itself when the listing carries views.</summary>
    private sealed record ImageListing(ResourceKey Key, VisibilityType Visibility, Image? Image);
}
