using RegionSim.Images;

namespace RegionSim.Silo.AppStream.Shapes;

// Wire shapes of operations whose grain call takes plain arguments rather than a request record.

public sealed record DeleteImageRequest
{
    public string? Name { get; init; }
}

public sealed record DeleteImageResponse
{
    public required Image Image { get; init; }
}
