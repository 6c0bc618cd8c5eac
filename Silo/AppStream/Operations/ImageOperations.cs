using RegionSim.Accounts;
using RegionSim.Images;
using RegionSim.Silo.AppStream.Shapes;

namespace RegionSim.Silo.AppStream;

/// <summary>Images and image permissions: which grain each operation asks, as the calling account.</summary>
public static class ImageOperations
{
    public static AppStreamOperations AddImageOperations(this AppStreamOperations operations) => operations
        .Add<DescribeImagesRequest, DescribeImagesResponse>("DescribeImages", (grains, caller, request) =>
            grains.GetGrain<IAccountGrain>(caller.AccountId).DescribeImagesAsync(caller.Region, request))
        .Add<DeleteImageRequest, DeleteImageResponse>("DeleteImage", async (grains, caller, request) => new DeleteImageResponse
        {
            Image = await grains.GetImage(caller.Region, caller.AccountId, request.Name).DeleteAsync(caller.AccountId),
        })
        .Add<CopyImageRequest, CopyImageResponse>("CopyImage", (grains, caller, request) =>
            grains.GetImage(caller.Region, caller.AccountId, request.SourceImageName, nameof(request.SourceImageName)).CopyAsync(caller.AccountId, request))
        .Add<UpdateImagePermissionsRequest>("UpdateImagePermissions", (grains, caller, request) =>
            grains.GetImage(caller.Region, caller.AccountId, request.Name).UpdatePermissionsAsync(caller.AccountId, request))
        .Add<DeleteImagePermissionsRequest>("DeleteImagePermissions", (grains, caller, request) =>
            grains.GetImage(caller.Region, caller.AccountId, request.Name).DeletePermissionsAsync(caller.AccountId, request))
        .Add<DescribeImagePermissionsRequest, DescribeImagePermissionsResponse>("DescribeImagePermissions", (grains, caller, request) =>
            grains.GetImage(caller.Region, caller.AccountId, request.Name).DescribePermissionsAsync(caller.AccountId, request))
        .Add<CreateUpdatedImageRequest, CreateUpdatedImageResponse>("CreateUpdatedImage", (grains, caller, request) =>
            grains.GetImage(caller.Region, caller.AccountId, request.ExistingImageName, "existingImageName").CreateUpdatedAsync(caller.AccountId, request));
}
