using StackExchange.Redis;

namespace RegionSim.Client.Cluster;

/// <summary>Whether a Redis server answers, so a command that needs one says so before it starts silos that would wait for it.</summary>
public static class RedisProbe
{
    public static async Task<bool> AnswersAsync(string connectionString, CancellationToken cancellationToken)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 2000;
        options.ConnectRetry = 1;
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
            await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return true;
        }
        catch (RedisConnectionException)
        {
            return false;
        }
    }
}
