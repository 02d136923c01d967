namespace Orchestrator.Jobs.Objects;

/// <summary>What happened to an S3 object, from the notification's event name.</summary>
public enum ObjectChange
{
    /// <summary><c>ObjectCreated:*</c> (Put, Post, Copy, CompleteMultipartUpload) or EventBridge "Object Created".</summary>
    Created,

    /// <summary><c>ObjectRemoved:*</c> (Delete, DeleteMarkerCreated) or EventBridge "Object Deleted".</summary>
    Removed,
}
