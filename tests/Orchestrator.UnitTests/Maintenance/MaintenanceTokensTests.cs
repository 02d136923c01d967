using Orchestrator.Jobs.Maintenance;

namespace Orchestrator.UnitTests.Maintenance;

public sealed class MaintenanceTokensTests
{
    private static readonly DateTimeOffset Fire = new(2024, 3, 1, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_token_depends_on_dataset_task_fire_time_and_step_only()
    {
        string token = MaintenanceTokens.For("sales", "daily", Fire);

        Assert.Equal(token, MaintenanceTokens.For("sales", "daily", Fire.ToOffset(TimeSpan.FromHours(2)))); // the same instant
        Assert.InRange(token.Length, 32, 128); // Athena's ClientRequestToken limits
        Assert.Equal(70, token.Length);
        Assert.NotEqual(token, MaintenanceTokens.For("sales", "daily", Fire.AddSeconds(1)));
        Assert.NotEqual(token, MaintenanceTokens.For("sales", "weekly", Fire));
        Assert.NotEqual(token, MaintenanceTokens.For("orders", "daily", Fire));
        Assert.NotEqual(token, MaintenanceTokens.For("sales", "daily", Fire, "ctas"));
        Assert.NotEqual(MaintenanceTokens.For("a\nb", "c", Fire), MaintenanceTokens.For("a", "b\nc", Fire) + "x");
    }
}
