using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Data.Sqlite;

namespace Orchestrator.Bench;

/// <summary>
/// The seed's style: receive one message, read <c>Records[0]</c>, store it (its own SQLite transaction), delete that one message.
/// The handling is real so the comparison is about the consuming pattern, not about skipping work.
/// </summary>
internal static class NaiveConsumer
{
    public static async Task RunAsync(IAmazonSQS sqs, string queueUrl, int expected, string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS objects (bucket TEXT, key TEXT, PRIMARY KEY (bucket, key));";
            await create.ExecuteNonQueryAsync();
        }

        int done = 0;
        while (done < expected)
        {
            var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 1, WaitTimeSeconds = 1 });
            var message = response.Messages?.FirstOrDefault();
            if (message is null)
            {
                continue;
            }

            using var body = JsonDocument.Parse(message.Body);
            var s3 = body.RootElement.GetProperty("Records")[0].GetProperty("s3");
            await using (var insert = connection.CreateCommand())
            {
                insert.CommandText = "INSERT OR IGNORE INTO objects VALUES ($bucket, $key)";
                insert.Parameters.AddWithValue("$bucket", s3.GetProperty("bucket").GetProperty("name").GetString());
                insert.Parameters.AddWithValue("$key", Uri.UnescapeDataString(s3.GetProperty("object").GetProperty("key").GetString()!.Replace('+', ' ')));
                await insert.ExecuteNonQueryAsync();
            }

            await sqs.DeleteMessageAsync(queueUrl, message.ReceiptHandle);
            done++;
        }
    }
}
