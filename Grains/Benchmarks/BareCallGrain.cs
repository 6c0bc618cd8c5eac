namespace RegionSim.Benchmarks;

public sealed class BareCallGrain : Grain, IBareCallGrain
{
    Task<int> IBareCallGrain.PingAsync(int value) => Task.FromResult(value + 1);

    async Task<int> IBareCallGrain.FanOutAsync(int calls)
    {
        var key = this.GetPrimaryKeyString();
        var pings = new Task<int>[calls];
        for (var i = 0; i < calls; i++)
        {
            pings[i] = GrainFactory.GetGrain<IBareCallGrain>($"{key}/{i}").PingAsync(i);
        }

        var answers = await Task.WhenAll(pings);
        return answers.Length;
    }
}
