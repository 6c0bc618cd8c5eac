using RegionSim.Silo.Hosting;

try
{
    await RegionSimHost.Build(args).RunAsync();
}
catch (ArgumentException error)
{
    Console.Error.WriteLine($"regionsim silo: {error.Message}");
    return 2;
}

return 0;
