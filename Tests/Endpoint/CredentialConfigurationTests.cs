using Microsoft.Extensions.DependencyInjection;
using RegionSim.Silo.Authentication;
using RegionSim.Silo.Hosting;

namespace RegionSim.Tests.Endpoint;

/// <summary>Which access keys a silo accepts: the demo accounts unless configuration names others.</summary>
public sealed class CredentialConfigurationTests
{
    [Fact]
    public async Task Without_configuration_the_demo_accounts_sign_with_regionsim_demo()
    {
        await using var app = RegionSimHost.Build([]);

        var keys = app.Services.GetRequiredService<AccessKeys>().All.OrderBy(k => k.AccessKeyId).ToList();

        Assert.Equal(["111111111111", "222222222222", "333333333333"], keys.Select(k => k.AccessKeyId));
        Assert.All(keys, key =>
        {
            Assert.Equal(key.AccessKeyId, key.AccountId);
            Assert.Equal("regionsim-demo", key.SecretAccessKey);
        });
    }

    [Fact]
    public async Task The_command_line_configures_access_keys_and_the_operator_token()
    {
        await using var app = RegionSimHost.Build([
            "--RegionSim:Credentials:AKIAEXAMPLE:SecretAccessKey", "s3cret",
            "--RegionSim:Credentials:AKIAEXAMPLE:AccountId", "444444444444",
            "--RegionSim:Credentials:555555555555:SecretAccessKey", "other",
            "--operator-token", "let-me-in",
        ]);

        var keys = app.Services.GetRequiredService<AccessKeys>();

        Assert.True(keys.TryFind("AKIAEXAMPLE", out var example));
        Assert.Equal(new AccessKey("AKIAEXAMPLE", "444444444444", "s3cret"), example);
        Assert.True(keys.TryFind("555555555555", out var own));
        Assert.Equal("555555555555", own.AccountId);
        Assert.False(keys.TryFind("111111111111", out _));
        Assert.Equal("let-me-in", app.Services.GetRequiredService<RegionSimSiloOptions>().OperatorToken);
    }

    [Theory]
    [InlineData("AKIAEXAMPLE", "s3cret", null, "needs a 12-digit AccountId")]
    [InlineData("123456789012", "", null, "has no SecretAccessKey")]
    [InlineData("AKIAEXAMPLE", "s3cret", "12", "needs a 12-digit AccountId")]
    public void Credentials_the_endpoint_could_not_use_stop_the_silo(string accessKeyId, string secret, string? account, string message)
    {
        var args = new List<string> { $"--RegionSim:Credentials:{accessKeyId}:SecretAccessKey", secret };
        if (account is not null)
        {
            args.AddRange([$"--RegionSim:Credentials:{accessKeyId}:AccountId", account]);
        }

        var error = Assert.Throws<ArgumentException>(() => RegionSimHost.Build([.. args]));

        Assert.Contains(message, error.Message);
    }
}
