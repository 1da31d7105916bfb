namespace SimHarness.EchoLoad;

/// <summary>What one timed window measured.</summary>
/// <param name="RoundTripsPerSecond">Completed round trips per second, all clients together.</param>
/// <param name="LoadCores">CPU of the load generator, in cores (1.0 = one core busy all the window).</param>
/// <param name="ServerCores">CPU of the server process, in cores.</param>
/// <param name="WrongReplies">Replies that were not the uppercase of the message (should be 0).</param>
internal sealed record Measurement(double RoundTripsPerSecond, double LoadCores, double ServerCores, long WrongReplies);
