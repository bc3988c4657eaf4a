using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using MscAlf.Notebooks;
using NetMQ;
using NetMQ.Sockets;

namespace MscAlf.Kernel;

/// <summary>
/// A Jupyter kernel for C# (messaging protocol 5.3 over ZeroMQ, by NetMQ) on a <see cref="ScriptSession"/>, the
/// engine the headless runner uses. One poller thread owns the sockets: it answers the heartbeat, checks every
/// message's signature (a bad one is logged and dropped), handles interrupt, shutdown and kernel_info at once, and
/// hands execute requests to the execution queue and the other requests to the service queue, so completion and
/// help answer while a cell runs. Everything sent goes through one outbox that the poller thread drains, in order.
/// </summary>
public sealed partial class JupyterKernel : IDisposable
{
    private readonly ConnectionInfo _connection;
    private readonly TextWriter _log;
    private readonly MessageSigner _signer;
    private readonly string _sessionId = Guid.NewGuid().ToString("N");
    private readonly ScriptSession _session;
    private readonly CodeAssistant _assistant;
    private readonly RouterSocket _shell = new();
    private readonly RouterSocket _control = new();
    private readonly RouterSocket _stdin = new();
    private readonly PublisherSocket _iopub = new();
    private readonly ResponseSocket _heartbeat = new();
    private readonly NetMQQueue<Outgoing> _outbox = new();
    private readonly NetMQPoller _poller;
    private readonly Channel<JupyterMessage> _executions = Channel.CreateUnbounded<JupyterMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<JupyterMessage> _services = Channel.CreateUnbounded<JupyterMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<string>? _input;
    private int _executionCount;
    private int _uncounted;
    private volatile bool _stopping;

    /// <summary>Creates a kernel for <paramref name="connection"/> whose cells run in <paramref name="directory"/>; problems go to <paramref name="log"/>.</summary>
    public JupyterKernel(ConnectionInfo connection, string directory, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _log = log ?? TextWriter.Null;
        _signer = new MessageSigner(connection.Key);
        _session = new ScriptSession(directory);
        _assistant = new CodeAssistant(_session);
        _poller = [_shell, _control, _stdin, _heartbeat, _outbox];
        _shell.ReceiveReady += (_, e) => Receive(e.Socket, "shell", OnShell);
        _control.ReceiveReady += (_, e) => Receive(e.Socket, "control", OnControl);
        _stdin.ReceiveReady += (_, e) => Receive(e.Socket, "stdin", OnStdin);
        _heartbeat.ReceiveReady += (_, e) => Echo(e.Socket);
        _outbox.ReceiveReady += (_, e) => Drain(e.Queue);
    }

    /// <summary>The Jupyter session id this kernel signs its messages with.</summary>
    public string SessionId => _sessionId;

    /// <summary>Binds the sockets and serves until a shutdown request, a signal or the end of the client process.</summary>
    public async Task RunAsync()
    {
        _shell.Bind(_connection.Address(_connection.ShellPort));
        _control.Bind(_connection.Address(_connection.ControlPort));
        _stdin.Bind(_connection.Address(_connection.StdinPort));
        _iopub.Bind(_connection.Address(_connection.IOPubPort));
        _heartbeat.Bind(_connection.Address(_connection.HeartbeatPort));
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true; // Jupyter's "interrupt" signal: stop the cell, not the kernel
            _session.Interrupt();
        });
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            Stop();
        });
        using var parent = ParentWatch.Start(Stop, _log);
        _poller.RunAsync("jupyter-kernel-poller", isBackgroundThread: true);
        Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);
        var executions = Task.Run(ExecuteLoopAsync);
        var services = Task.Run(ServiceLoopAsync);
        _ = _session.StartAsync(); // warm the compiler while the client connects
        await _stopped.Task.ConfigureAwait(false);
        _executions.Writer.TryComplete();
        _services.Writer.TryComplete();
        _session.Interrupt();
    }

    /// <summary>Ends the kernel: lets the outbox drain, then stops the poller.</summary>
    public void Stop()
    {
        if (_stopping)
        {
            return;
        }
        _stopping = true;
        _outbox.Enqueue(Outgoing.End);
    }

    private void Receive(NetMQSocket socket, string channel, Action<JupyterMessage, NetMQSocket> handle)
    {
        var frames = new List<byte[]>();
        while (socket.TryReceiveMultipartBytes(ref frames))
        {
            var message = JupyterMessage.Parse(frames, _signer, out var problem);
            if (message is null)
            {
                Log($"dropped a message on {channel}: {problem}");
                continue;
            }
            try
            {
                handle(message, socket);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log($"{message.Type} on {channel} failed: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    private void OnShell(JupyterMessage message, NetMQSocket socket)
    {
        switch (message.Type)
        {
            case "execute_request":
                _executions.Writer.TryWrite(message);
                break;
            case "kernel_info_request" or "interrupt_request" or "shutdown_request":
                OnControl(message, socket);
                break;
            default:
                _services.Writer.TryWrite(message);
                break;
        }
    }

    private void OnControl(JupyterMessage message, NetMQSocket socket)
    {
        switch (message.Type)
        {
            case "kernel_info_request":
                Answer(socket, message, "kernel_info_reply", KernelInfo.Reply());
                break;
            case "interrupt_request":
                _session.Interrupt();
                _input?.TrySetCanceled();
                Answer(socket, message, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                var restart = (bool?)message.Content["restart"] ?? false;
                Answer(socket, message, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
                Stop();
                break;
            default:
                _services.Writer.TryWrite(message);
                break;
        }
    }

    private void OnStdin(JupyterMessage message, NetMQSocket socket)
    {
        if (message.Type == "input_reply")
        {
            _input?.TrySetResult((string?)message.Content["value"] ?? "");
        }
        else
        {
            Log($"ignored {message.Type} on stdin");
        }
    }

    /// <summary>Publishes busy, sends the reply, publishes idle: what clients wait for around every request.</summary>
    private void Answer(NetMQSocket socket, JupyterMessage request, string type, JsonObject content)
    {
        Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        Send(socket, JupyterMessage.Create(type, content, request, _sessionId));
        Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
    }

    internal void Publish(string type, JsonObject content, JupyterMessage? parent) =>
        Send(_iopub, JupyterMessage.Create(type, content, parent, _sessionId, [Encoding.UTF8.GetBytes(type)]));

    private void Send(NetMQSocket socket, JupyterMessage message) => _outbox.Enqueue(new Outgoing(socket, message.ToFrames(_signer)));

    private void Drain(NetMQQueue<Outgoing> queue)
    {
        while (queue.TryDequeue(out var item, TimeSpan.Zero))
        {
            if (item.Socket is null)
            {
                _poller.StopAsync();
                _stopped.TrySetResult();
                return;
            }
            for (var i = 0; i < item.Frames.Count - 1; i++)
            {
                item.Socket.SendMoreFrame(item.Frames[i]);
            }
            item.Socket.SendFrame(item.Frames[^1]);
        }
    }

    private static void Echo(NetMQSocket socket)
    {
        var frames = new List<byte[]>();
        while (socket.TryReceiveMultipartBytes(ref frames))
        {
            for (var i = 0; i < frames.Count - 1; i++)
            {
                socket.SendMoreFrame(frames[i]);
            }
            socket.SendFrame(frames[^1]);
        }
    }

    private void Log(string text)
    {
        lock (_log)
        {
            _log.WriteLine($"[MscAlf kernel] {text}");
            _log.Flush();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _poller.Dispose();
        foreach (var socket in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat })
        {
            socket.Options.Linger = TimeSpan.FromMilliseconds(500);
            socket.Dispose();
        }
        _outbox.Dispose();
        _session.Dispose();
    }

    /// <summary>Frames to send on a socket; a null socket tells the poller to stop.</summary>
    private sealed record Outgoing(NetMQSocket? Socket, List<byte[]> Frames)
    {
        public static Outgoing End { get; } = new(null, []);
    }
}
