using RegionSim.Client.Commands;

return await RegionSimCommand.Create().Parse(args).InvokeAsync();
