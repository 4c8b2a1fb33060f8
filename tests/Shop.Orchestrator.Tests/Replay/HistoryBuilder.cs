using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Sdk.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Common;
using Temporalio.Converters;

namespace Shop.Orchestrator.Tests.Replay;

/// <summary>
/// Writes a workflow history the way the server would have recorded it (DESIGN.md lists what a
/// valid one needs): contiguous ids from 1, a time on every event, workflow tasks Scheduled →
/// Started → Completed, activity and timer ids "1", "2"... in scheduling order. Commands are
/// attributed to the last completed workflow task.
/// </summary>
public sealed class HistoryBuilder
{
    private const string TaskQueueName = "shop-orders";
    private readonly List<HistoryEvent> _events = [];
    private DateTime _time = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
    private long _lastTaskCompleted;
    private int _activities;
    private int _timerCount;
    private (string Id, long Started, TimeSpan Duration)? _pendingTimer;

    public HistoryBuilder(string workflowType, object input)
    {
        Add(EventType.WorkflowExecutionStarted, e => e.WorkflowExecutionStartedEventAttributes = new()
        {
            WorkflowType = new WorkflowType { Name = workflowType },
            TaskQueue = new TaskQueue { Name = TaskQueueName },
            Input = Payloads(input),
            WorkflowTaskTimeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(10)),
            WorkflowRunTimeout = Duration.FromTimeSpan(TimeSpan.Zero),
            Attempt = 1,
            OriginalExecutionRunId = "run-1",
            FirstExecutionRunId = "run-1",
        });
        WorkflowTask();
    }

    /// <summary>Scheduled → Started → Completed; the first completion carries the SDK's flags.</summary>
    public HistoryBuilder WorkflowTask()
    {
        var scheduled = Add(EventType.WorkflowTaskScheduled, e => e.WorkflowTaskScheduledEventAttributes = new()
        {
            TaskQueue = new TaskQueue { Name = TaskQueueName },
            StartToCloseTimeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(10)),
            Attempt = 1,
        });
        var started = Add(EventType.WorkflowTaskStarted, e => e.WorkflowTaskStartedEventAttributes = new() { ScheduledEventId = scheduled });
        var first = _lastTaskCompleted == 0;
        _lastTaskCompleted = Add(EventType.WorkflowTaskCompleted, e =>
        {
            e.WorkflowTaskCompletedEventAttributes = new() { ScheduledEventId = scheduled, StartedEventId = started };
            if (first)
            {
                // Without core flag 1, a history naming the wrong activity type would replay silently.
                e.WorkflowTaskCompletedEventAttributes.SdkMetadata = new WorkflowTaskCompletedMetadata
                {
                    CoreUsedFlags = { 1, 2, 3 },
                    LangUsedFlags = { 1, 2 },
                };
            }
        });
        return this;
    }

    /// <summary>An activity scheduled by the last workflow task, completed with <paramref name="result"/>, then a workflow task.</summary>
    public HistoryBuilder Activity(string type, object? result)
    {
        var (scheduled, started) = ScheduleAndStart(type);
        Add(EventType.ActivityTaskCompleted, e => e.ActivityTaskCompletedEventAttributes = new()
        {
            ScheduledEventId = scheduled,
            StartedEventId = started,
            Result = result is null ? new Payloads() : Payloads(result),
        });
        return WorkflowTask();
    }

    /// <summary>An activity that failed for good: a non-retryable application failure of <paramref name="errorType"/>.</summary>
    public HistoryBuilder ActivityRefused(string type, string errorType, string message)
    {
        var (scheduled, started) = ScheduleAndStart(type);
        Add(EventType.ActivityTaskFailed, e => e.ActivityTaskFailedEventAttributes = new()
        {
            ScheduledEventId = scheduled,
            StartedEventId = started,
            RetryState = RetryState.NonRetryableFailure,
            Failure = new Failure
            {
                Message = message,
                Source = "DotNetSDK",
                ApplicationFailureInfo = new ApplicationFailureInfo { Type = errorType, NonRetryable = true },
            },
        });
        return WorkflowTask();
    }

    /// <summary>A timer started by the last workflow task that fires after <paramref name="duration"/>.</summary>
    public HistoryBuilder TimerFired(TimeSpan duration) => TimerStarted(duration).PendingTimerFired();

    /// <summary>
    /// A timer started by the last workflow task, then signals before it fires; the workflow task
    /// that handles them cancels the timer (its first command), so the next steps follow it.
    /// </summary>
    public HistoryBuilder SignalsDuringTimer(TimeSpan duration, params (string Name, object Argument)[] signals)
        => TimerStarted(duration).Signals(signals).PendingTimerCanceled();

    /// <summary>A timer started by the last workflow task; it fires or is cancelled later.</summary>
    public HistoryBuilder TimerStarted(TimeSpan duration)
    {
        var id = (++_timerCount).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var started = Add(EventType.TimerStarted, e => e.TimerStartedEventAttributes = new()
        {
            TimerId = id,
            StartToFireTimeout = Duration.FromTimeSpan(duration),
            WorkflowTaskCompletedEventId = _lastTaskCompleted,
        });
        _pendingTimer = (id, started, duration);
        return this;
    }

    /// <summary>The pending timer fires, then a workflow task.</summary>
    public HistoryBuilder PendingTimerFired()
    {
        var (id, started, duration) = _pendingTimer ?? throw new InvalidOperationException("No timer is pending.");
        _pendingTimer = null;
        _time += duration;
        Add(EventType.TimerFired, e => e.TimerFiredEventAttributes = new() { TimerId = id, StartedEventId = started });
        return WorkflowTask();
    }

    /// <summary>The last workflow task cancels the pending timer (its next command).</summary>
    public HistoryBuilder PendingTimerCanceled()
    {
        var (id, started, _) = _pendingTimer ?? throw new InvalidOperationException("No timer is pending.");
        _pendingTimer = null;
        Add(EventType.TimerCanceled, e => e.TimerCanceledEventAttributes = new()
        {
            TimerId = id,
            StartedEventId = started,
            WorkflowTaskCompletedEventId = _lastTaskCompleted,
            Identity = "test",
        });
        return this;
    }

    /// <summary>Signals delivered together, then the workflow task that handles them.</summary>
    public HistoryBuilder Signals(params (string Name, object Argument)[] signals)
    {
        foreach (var (name, argument) in signals)
        {
            Add(EventType.WorkflowExecutionSignaled, e => e.WorkflowExecutionSignaledEventAttributes = new()
            {
                SignalName = name,
                Input = Payloads(argument),
                Identity = "test",
            });
        }

        return WorkflowTask();
    }

    /// <summary>An activity during which signals arrive (a workflow task in between), then its completion.</summary>
    public HistoryBuilder ActivityWithSignals(string type, object? result, params (string Name, object Argument)[] signals)
    {
        var (scheduled, started) = ScheduleAndStart(type);
        Signals(signals);
        Add(EventType.ActivityTaskCompleted, e => e.ActivityTaskCompletedEventAttributes = new()
        {
            ScheduledEventId = scheduled,
            StartedEventId = started,
            Result = result is null ? new Payloads() : Payloads(result),
        });
        return WorkflowTask();
    }

    /// <summary>The workflow's completion command in the last workflow task.</summary>
    public WorkflowHistory Completed(object result, string workflowId = "order-test")
    {
        Add(EventType.WorkflowExecutionCompleted, e => e.WorkflowExecutionCompletedEventAttributes = new()
        {
            Result = Payloads(result),
            WorkflowTaskCompletedEventId = _lastTaskCompleted,
        });
        return new WorkflowHistory(workflowId, _events);
    }

    /// <summary>The history so far, without an end: replay runs the workflow up to here.</summary>
    public WorkflowHistory Build(string workflowId = "order-test") => new(workflowId, _events);

    private (long Scheduled, long Started) ScheduleAndStart(string type)
    {
        var activityId = (++_activities).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var scheduled = Add(EventType.ActivityTaskScheduled, e => e.ActivityTaskScheduledEventAttributes = new()
        {
            ActivityId = activityId,
            ActivityType = new ActivityType { Name = type },
            TaskQueue = new TaskQueue { Name = TaskQueueName },
            StartToCloseTimeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(30)),
            WorkflowTaskCompletedEventId = _lastTaskCompleted,
        });
        var started = Add(EventType.ActivityTaskStarted, e => e.ActivityTaskStartedEventAttributes = new()
        {
            ScheduledEventId = scheduled,
            Attempt = 1,
            Identity = "test",
        });
        return (scheduled, started);
    }

    private long Add(EventType type, Action<HistoryEvent> attributes)
    {
        _time = _time.AddSeconds(1);
        var historyEvent = new HistoryEvent
        {
            EventId = _events.Count + 1,
            EventTime = Timestamp.FromDateTime(_time),
            EventType = type,
        };
        attributes(historyEvent);
        _events.Add(historyEvent);
        return historyEvent.EventId;
    }

    private static Payloads Payloads(object value)
        => new() { Payloads_ = { DataConverter.Default.PayloadConverter.ToPayload(value) } };
}
