using RegionSim.Accounts;
using RegionSim.ImageBuilders;
using RegionSim.Sessions;

namespace RegionSim.Silo.AppStream;

/// <summary>Image builders: which grain each operation asks, as the calling account.</summary>
public static class ImageBuilderOperations
{
    public static AppStreamOperations AddImageBuilderOperations(this AppStreamOperations operations) => operations
        .Add<CreateImageBuilderRequest, CreateImageBuilderResponse>("CreateImageBuilder", (grains, caller, request) =>
            grains.GetImageBuilder(caller.Region, caller.AccountId, request.Name).CreateAsync(request))
        .Add<StartImageBuilderRequest, ImageBuilderResponse>("StartImageBuilder", (grains, caller, request) =>
            grains.GetImageBuilder(caller.Region, caller.AccountId, request.Name).StartAsync(request))
        .Add<StopImageBuilderRequest, ImageBuilderResponse>("StopImageBuilder", (grains, caller, request) =>
            grains.GetImageBuilder(caller.Region, caller.AccountId, request.Name).StopAsync())
        .Add<DeleteImageBuilderRequest, ImageBuilderResponse>("DeleteImageBuilder", (grains, caller, request) =>
            grains.GetImageBuilder(caller.Region, caller.AccountId, request.Name).DeleteAsync())
        .Add<DescribeImageBuildersRequest, DescribeImageBuildersResponse>("DescribeImageBuilders", (grains, caller, request) =>
            grains.GetGrain<IAccountGrain>(caller.AccountId).DescribeImageBuildersAsync(caller.Region, request))
        .Add<CreateImageBuilderStreamingURLRequest, CreateImageBuilderStreamingURLResponse>("CreateImageBuilderStreamingURL", async (grains, caller, request) =>
        {
            var url = await grains.GetImageBuilder(caller.Region, caller.AccountId, request.Name).CreateStreamingUrlAsync(request);
            return url with { StreamingURL = StreamingUrls.At(caller.Origin, url.StreamingURL) };
        });
}
