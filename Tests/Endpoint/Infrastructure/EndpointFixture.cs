using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Silo.Authentication;
using RegionSim.Silo.Hosting;
using RegionSim.Tests.Infrastructure;
using RegionSim.Time;

namespace RegionSim.Tests.Endpoint.Infrastructure;

/// <summary>
/// A whole silo as the silo program builds it (RegionSimHost: Orleans, the AppStream endpoint, the
/// control endpoints), with the manual clock, on free ports, with access keys for accounts of its own.
/// Real clients (the aws CLI, boto3, HttpClient) talk to it over loopback.
/// </summary>
public sealed class EndpointFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    public const string Region = "us-east-1";
    public const string OtherRegion = "eu-west-1";
    public const string BaseImage = "AppStream-WinServer2019-10-08-2024";
    public const string OperatorToken = "endpoint-tests-operator";

    /// <summary>An access key that is not its account's id, as configuration allows.</summary>
    public const string NamedAccessKey = "AKIAREGIONSIMTEST";

    private readonly Queue<string> _accounts = new(TestAccounts.NewAccounts(500));
    private WebApplication? _app;

    public Uri Endpoint { get; private set; } = null!;

    public string EndpointUrl => Endpoint.ToString().TrimEnd('/');

    /// <summary>The account <see cref="NamedAccessKey"/> acts for.</summary>
    public string NamedKeyAccount { get; } = TestAccounts.NewAccount();

    public IGrainFactory Grains => _app!.Services.GetRequiredService<IGrainFactory>();

    public ISimulationClockGrain Clock => Grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key);

    public async Task InitializeAsync()
    {
        var credentials = _accounts.ToDictionary(account => account, account => new CredentialOptions { SecretAccessKey = SecretOf(account) });
        credentials[NamedAccessKey] = new CredentialOptions { SecretAccessKey = SecretOf(NamedAccessKey), AccountId = NamedKeyAccount };
        _app = RegionSimHost.Build([], options =>
        {
            options.Clock = ClockMode.Manual;
            options.Start = Start;
            options.HttpUrl = "http://127.0.0.1:0";
            options.SiloPort = FreePort();
            options.GatewayPort = FreePort();
            options.ClusterId = $"endpoint-tests-{Guid.NewGuid():N}";
            options.OperatorToken = OperatorToken;
            options.Credentials = credentials;
        });
        await _app.StartAsync();
        Endpoint = new Uri(_app.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>An account of this silo that no other test uses, with its access key (the account id) and secret.</summary>
    public string NewAccount()
    {
        lock (_accounts)
        {
            return _accounts.Dequeue();
        }
    }

    public static string SecretOf(string accessKeyId) => $"secret-of-{accessKeyId}";

    /// <summary>Makes private images of <paramref name="account"/> and moves the clock until they are AVAILABLE.</summary>
    public async Task<IReadOnlyList<string>> NewAvailableImagesAsync(string account, int count, string region = Region, string baseImage = BaseImage)
    {
        var content = await Grains.GetImage(ResourceKey.Public(region, baseImage)).GetContentAsync(account);
        var names = Enumerable.Range(0, count).Select(_ => TestAccounts.NewName()).Order(StringComparer.Ordinal).ToList();
        foreach (var name in names)
        {
            await Grains.GetImage(region, account, name).CreateAsync(new NewImage
            {
                Content = content,
                Description = "made by an endpoint test",
                Tags = new Dictionary<string, string> { ["team"] = "tests" },
            });
        }

        await Clock.AdvanceByAsync((await Clock.GetTimingsAsync()).ImageCreation);
        return names;
    }

    public async Task<string> NewAvailableImageAsync(string account, string region = Region, string baseImage = BaseImage) =>
        (await NewAvailableImagesAsync(account, 1, region, baseImage)).Single();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class EndpointCollection : ICollectionFixture<EndpointFixture>
{
    public const string Name = "endpoint";
}
