using System.Globalization;
using System.Text;
using Npgsql;

namespace Orchestrator.IntegrationTests.Reliability;

/// <summary>
/// What Quartz's PostgreSQL tables say — triggers with their states and fire times, fired-trigger records, cluster
/// check-ins — written next to the worker logs when a run does not settle: a run that is never requested is a trigger that
/// never fired, and these rows say why.
/// </summary>
internal static class QuartzTables
{
    // Quartz.NET stores times as .NET ticks (100 ns since 0001-01-01); 621355968000000000 of them is the Unix epoch.
    public static async Task<string> DumpAsync(string connectionString)
    {
        var text = new StringBuilder();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (string sql in new[]
        {
            "SELECT trigger_name, trigger_group, trigger_state, trigger_type, to_timestamp((next_fire_time - 621355968000000000) / 1e7) AS next_fire, to_timestamp((prev_fire_time - 621355968000000000) / 1e7) AS prev_fire, misfire_instr FROM qrtz_triggers ORDER BY trigger_group, trigger_name",
            "SELECT entry_id, trigger_name, trigger_group, instance_name, state, job_name, is_nonconcurrent, requests_recovery, to_timestamp((fired_time - 621355968000000000) / 1e7) AS fired FROM qrtz_fired_triggers",
            "SELECT instance_name, to_timestamp((last_checkin_time - 621355968000000000) / 1e7) AS last_checkin, checkin_interval FROM qrtz_scheduler_state",
            "SELECT trigger_name, job_data FROM qrtz_triggers",
            "SELECT now() AS dumped_at",
        })
        {
            text.AppendLine(sql);
            try
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    text.AppendLine(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i =>
                        Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
                }
            }
            catch (PostgresException error)
            {
                text.AppendLine(error.Message);
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
