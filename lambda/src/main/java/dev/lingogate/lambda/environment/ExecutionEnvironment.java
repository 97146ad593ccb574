package dev.lingogate.lambda.environment;

import dev.lingogate.lambda.FunctionDefinition;
import dev.lingogate.lambda.FunctionInitException;
import dev.lingogate.lambda.Invocation;
import dev.lingogate.lambda.log.FunctionLog;
import dev.lingogate.lambda.log.LogTail;
import dev.lingogate.lambda.runtime.InvocationEvent;
import dev.lingogate.lambda.runtime.RuntimeApi;
import dev.lingogate.lambda.runtime.RuntimeApiServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One execution environment: a JVM running the function's runtime, and the Runtime API through
 * which it asks for events and answers them, one invocation at a time.
 *
 * <p>It is initialising until the runtime first asks for an event, then alternately idle and busy,
 * and dead once its JVM exits or is killed; a dead environment is never used again.
 */
final class ExecutionEnvironment implements RuntimeApi {

    /** Lambda gives a function's initialisation 10 seconds. */
    private static final long INIT_LIMIT_MILLIS = 10_000;
    /**
     * How long a JVM told to stop may take to write the function's class data archive (2 to 3 s of
     * CPU for a function using the AWS SDK) before it is killed; any other JVM is killed at once.
     */
    private static final long ARCHIVE_WRITE_SECONDS = 10;

    private final FunctionDefinition function;
    private final String functionArn;
    private final FunctionJvm jvm;
    /** One of the function's provisioned environments, started ahead of any invocation. */
    private final boolean provisioned;
    private final FunctionLog log;
    private final Vertx vertx;
    private final Executor blocking;
    private final Consumer<ExecutionEnvironment> onDeath;
    private final RuntimeApiServer runtimeApi;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    // Guarded by this.
    private Process process;
    /** Completes once the host has dealt with the JVM's exit (its archive put in place, its pool told). */
    private CompletableFuture<Void> exitHandled;
    /** Its JVM writes the function's class data archive when it ends, so it is stopped gently. */
    private boolean writesArchive;
    private ProcessOutput output;
    private MaxMemoryUsed memory;
    private long startedNanos;
    private long initTimer;
    private OptionalLong initNanos = OptionalLong.empty();
    private Invocation.Failed initFailure;
    private Consumer<InvocationEvent> waitingRuntime;
    private Running current;
    /** The timer that looks for an invocation past its deadline, or -1 while none is set. */
    private long deadlineTimer = -1;
    /** The runtime has been handed an event before: what its JVM printed while initialising is in the log. */
    private boolean servedBefore;
    /**
     * The invocation whose output the JVM prints: the one in progress, until its output is drained.
     * Read without the lock, as the output's reader hands lines on under its own.
     */
    private volatile Running printing;
    private boolean initReported;
    /** No longer takes invocations: its JVM exited or is being killed. */
    private boolean dead;
    /** Its pool has been told it died. */
    private boolean buried;

    /** The invocation in progress. */
    private static final class Running {
        final InvocationEvent event;
        final LogTail tail;
        final long startedNanos = System.nanoTime();
        final long deadlineNanos;
        final CompletableFuture<Invocation> result = new CompletableFuture<>();
        /** The runtime has taken the event: its START line is written and what the JVM prints is its. */
        boolean delivered;

        Running(InvocationEvent event, LogTail tail, long timeoutNanos) {
            this.event = event;
            this.tail = tail;
            this.deadlineNanos = startedNanos + timeoutNanos;
        }
    }

    ExecutionEnvironment(FunctionDefinition function, String functionArn, FunctionJvm jvm, boolean provisioned,
            FunctionLog log, Vertx vertx, Executor blocking, Consumer<ExecutionEnvironment> onDeath) {
        this.function = function;
        this.functionArn = functionArn;
        this.jvm = jvm;
        this.provisioned = provisioned;
        // Lambda reports no Init Duration for a provisioned environment: its init was not the caller's wait.
        this.initReported = provisioned;
        this.log = log;
        this.vertx = vertx;
        this.blocking = blocking;
        this.onDeath = onDeath;
        this.runtimeApi = new RuntimeApiServer(vertx, this);
    }

    /** Starts the JVM; completes when its runtime is ready for events, or fails with a {@link FunctionInitException}. */
    CompletionStage<Void> start() {
        if (!jvm.hasHandlerClass()) {
            // Word for word what the runtime interface client reports for a class it cannot find.
            String missing = jvm.handlerClassName();
            die(ErrorDocument.of("java.lang.ClassNotFoundException", "Class not found: " + missing));
            return ready;
        }
        runtimeApi.start().toCompletionStage()
                .thenRunAsync(this::launch, blocking)
                .exceptionally(failure -> {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    die(ErrorDocument.of("Runtime.InvalidEntrypoint",
                            "cannot start the function's JVM: " + cause.getMessage()));
                    return null;
                });
        return ready;
    }

    private synchronized void launch() {
        if (dead) {
            return;
        }
        startedNanos = System.nanoTime();
        ClassDataArchive.Launch archiveLaunch = jvm.archive().nextLaunch();
        writesArchive = archiveLaunch.writesArchive();
        try {
            Path printed = ProcessOutput.newFile(jvm.outputDirectory(), function.name());
            process = jvm.processFor(runtimeApi.address(), archiveLaunch, provisioned, printed).start();
            output = ProcessOutput.of(printed, this::printed, "lambda-" + function.name() + "-" + process.pid());
            memory = MaxMemoryUsed.of(process.pid());
        } catch (IOException e) {
            if (writesArchive) {
                jvm.archive().writerExited(-1);
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
        exitHandled = process.onExit().thenAccept(exited -> exited(exited.exitValue()));
        initTimer = vertx.setTimer(INIT_LIMIT_MILLIS, id -> initTimedOut());
    }

    boolean isAlive() {
        synchronized (this) {
            return !dead;
        }
    }

    /** Whether it was started on {@code functionJvm}, that is on that build of the function's code. */
    boolean runs(FunctionJvm functionJvm) {
        return jvm == functionJvm;
    }

    /** Whether its runtime got as far as asking for its first event. */
    boolean initialised() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    /** Runs one invocation in this (idle) environment; its log lines go to the function's log and to {@code tail}. */
    CompletionStage<Invocation> invoke(String requestId, byte[] payload, LogTail tail) {
        Running running;
        synchronized (this) {
            if (dead || current != null) {
                throw new IllegalStateException("environment of " + function.name() + " is not idle");
            }
            long deadline = System.currentTimeMillis() + function.timeoutSeconds() * 1000L;
            running = new Running(new InvocationEvent(requestId, deadline, functionArn,
                    "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + traceIdOf(requestId), payload), tail,
                    TimeUnit.SECONDS.toNanos(function.timeoutSeconds()));
            current = running;
            if (deadlineTimer < 0) {
                watchDeadline(running.deadlineNanos);
            }
            if (waitingRuntime != null) {
                deliver(waitingRuntime);
            }
        }
        return running.result;
    }

    /**
     * Sets the timer for the deadline of the invocation in progress; the caller holds the lock. One
     * timer serves many invocations: it is set when none is, and when it goes off it either times the
     * invocation out or is set again for the deadline of the one then in progress, so that a warm
     * invocation neither sets nor cancels a timer (an event loop's timer queue is shared, and
     * cancelling from another thread wakes the loop that owns it).
     */
    private void watchDeadline(long deadlineNanos) {
        long millis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime() + 999_999);
        deadlineTimer = vertx.setTimer(Math.max(1, millis), id -> deadlineReached());
    }

    private void deadlineReached() {
        Running overdue;
        synchronized (this) {
            deadlineTimer = -1;
            if (dead || current == null) {
                return;
            }
            if (current.deadlineNanos - System.nanoTime() > 0) {
                watchDeadline(current.deadlineNanos);
                return;
            }
            overdue = current;
        }
        timedOut(overdue);
    }

    /** A line the JVM printed: it belongs to the invocation in progress, if there is one. */
    private void printed(String line) {
        log.line(line);
        Running running = printing;
        if (running != null) {
            running.tail.append(line);
        }
    }

    /** The 24 hex digits of an X-Ray trace id, taken from the request id so that one names the other. */
    private static String traceIdOf(String requestId) {
        // By hand rather than by a regular expression: this runs on every invocation.
        StringBuilder hex = new StringBuilder(24);
        for (int i = 0; i < requestId.length() && hex.length() < 24; i++) {
            char c = Character.toLowerCase(requestId.charAt(i));
            if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
                hex.append(c);
            }
        }
        while (hex.length() < 24) {
            hex.append('0');
        }
        return hex.toString();
    }

    @Override
    public void nextRequested(Consumer<InvocationEvent> delivery) {
        boolean initDone = false;
        synchronized (this) {
            if (dead) {
                return;
            }
            if (initNanos.isEmpty()) {
                initNanos = OptionalLong.of(System.nanoTime() - startedNanos);
                vertx.cancelTimer(initTimer);
                initDone = true;
            }
            if (current != null && !current.delivered) {
                deliver(delivery);
            } else {
                waitingRuntime = delivery;
            }
        }
        if (initDone) {
            ready.complete(null);
        }
    }

    /** Hands the invocation in progress to the waiting runtime; the caller holds the lock. */
    private void deliver(Consumer<InvocationEvent> delivery) {
        waitingRuntime = null;
        current.delivered = true;
        if (!servedBefore) {
            // What the JVM printed while it initialised goes before the first START, as on Lambda. Later
            // it prints nothing between invocations but what the function's own threads print late,
            // which the output's reader takes within 0.1 s; looking for that before every START would
            // cost a system call per invocation. (On Lambda such lines, printed by an environment
            // frozen between invocations, show in the next invocation's log too.)
            output.drain();
            servedBefore = true;
        }
        printing = current;
        current.tail.append(log.start(current.event.requestId()));
        delivery.accept(current.event);
    }

    @Override
    public boolean responded(String requestId, byte[] payload) {
        return finish(requestId, new Invocation.Returned(payload));
    }

    @Override
    public boolean failed(String requestId, String errorType, byte[] body) {
        return finish(requestId, ErrorDocument.reported(errorType, body));
    }

    @Override
    public void initFailed(String errorType, byte[] body) {
        synchronized (this) {
            initFailure = ErrorDocument.reported(errorType, body);
        }
        // Lambda tears an environment down after a failed init; the next invocation gets a fresh one.
        kill();
    }

    private void initTimedOut() {
        synchronized (this) {
            initFailure = ErrorDocument.of("Runtime.InitTimeout",
                    "Init timed out after " + seconds(INIT_LIMIT_MILLIS / 1000.0) + " seconds");
        }
        kill();
    }

    private void timedOut(Running running) {
        synchronized (this) {
            if (current != running) {
                return;
            }
            dead = true;
        }
        // Finished before the kill: the JVM's exit must not be taken for the invocation's end.
        finish(running.event.requestId(), new Invocation.TimedOut(
                "Task timed out after " + seconds(function.timeoutSeconds()) + " seconds"));
        kill();
    }

    private void exited(int exitStatus) {
        Running running;
        boolean taken;
        boolean wroteArchive;
        synchronized (this) {
            running = current;
            taken = running != null && running.delivered;
            wroteArchive = writesArchive;
        }
        if (wroteArchive) {
            // Before the pool hears of the death, so that an environment started in its place maps the archive.
            jvm.archive().writerExited(exitStatus);
        }
        // Whatever it printed last goes before the END line of the invocation it ends.
        output.drain();
        String error = "Runtime exited with error: " + exitReason(exitStatus);
        if (taken) {
            finish(running.event.requestId(), ErrorDocument.of("Runtime.ExitError",
                    "RequestId: " + running.event.requestId() + " Error: " + error));
        }
        die(ErrorDocument.of("Runtime.ExitError", "Error: " + error));
        if (running != null && !taken) {
            // The runtime ended without taking the event (it failed the one before and exited, as
            // the runtime client does after an OutOfMemoryError): the event never reached the
            // function, so it goes to another environment rather than failing. After die(), so
            // that the pool never takes this environment back.
            abandon(running);
        }
        output.close();
        memory.close();
    }

    private void abandon(Running running) {
        synchronized (this) {
            if (current != running) {
                return;
            }
            current = null;
        }
        running.result.completeExceptionally(new EventNotTaken());
    }

    /** Marks this environment dead, once, failing its initialisation if it never got that far. */
    private void die(Invocation.Failed failureIfInitialising) {
        Invocation.Failed initError;
        synchronized (this) {
            if (buried) {
                return;
            }
            buried = true;
            dead = true;
            initError = ready.isDone() ? null : initFailure != null ? initFailure : failureIfInitialising;
        }
        if (initError != null) {
            ready.completeExceptionally(new FunctionInitException(initError));
        }
        runtimeApi.stop();
        onDeath.accept(this);
    }

    /**
     * Ends the invocation {@code requestId} with {@code result}, if it is the one in progress. Its
     * log lines are written, after everything the function printed, before the caller learns the result.
     */
    private boolean finish(String requestId, Invocation result) {
        Running running;
        Process jvmProcess;
        MaxMemoryUsed jvmMemory;
        synchronized (this) {
            running = current;
            if (running == null || !running.event.requestId().equals(requestId)) {
                return false;
            }
            current = null;
            jvmProcess = process;
            jvmMemory = memory;
        }
        long durationNanos = System.nanoTime() - running.startedNanos;
        OptionalLong initReport = takeInitDurationForReport();
        Runnable report = () -> {
            OptionalLong maxMemoryUsed = jvmMemory.megabytes();
            if (result instanceof Invocation.TimedOut) {
                await(jvmProcess.onExit(), 5);
            }
            output.drain();
            synchronized (this) {
                if (printing == running) {
                    printing = null;
                }
            }
            if (!running.delivered) {
                // Timed out waiting for a runtime that never asked for the event.
                running.tail.append(log.start(requestId));
            }
            if (result instanceof Invocation.TimedOut timedOut) {
                running.tail.append(log.timedOut(requestId, timedOut.message()));
            }
            running.tail.append(log.end(requestId));
            running.tail.append(log.report(requestId, durationNanos, function.memoryMb(), maxMemoryUsed, initReport, result));
            running.result.complete(result);
        };
        if (result instanceof Invocation.TimedOut) {
            // Waits for the killed JVM to be gone, so that nothing it printed comes after END.
            blocking.execute(report);
        } else {
            // A few small reads and writes: at once, rather than a hop to another thread on every warm invocation.
            report.run();
        }
        return true;
    }

    /** Lambda reports an environment's init duration with its first invocation only. */
    private synchronized OptionalLong takeInitDurationForReport() {
        if (initReported) {
            return OptionalLong.empty();
        }
        initReported = true;
        return initNanos;
    }

    /** Stops the JVM at once, as Lambda does on a timeout. */
    void kill() {
        Process jvmProcess;
        synchronized (this) {
            jvmProcess = process;
        }
        if (jvmProcess != null) {
            jvmProcess.destroyForcibly();
        } else {
            die(ErrorDocument.of("Runtime.ExitError", "Error: the environment was stopped before its runtime started"));
        }
    }

    /**
     * Tells the JVM to end: the one writing the class data archive with SIGTERM, so that it writes
     * it on its way out; any other with SIGKILL.
     */
    void signalStop() {
        Process jvmProcess;
        boolean gently;
        synchronized (this) {
            jvmProcess = process;
            gently = writesArchive;
        }
        if (jvmProcess != null && gently) {
            jvmProcess.destroy();
        } else {
            kill();
        }
    }

    /**
     * Ends the JVM ({@link #signalStop}); completes, never exceptionally, once it is gone and its exit
     * dealt with. One slow to write its archive is killed after {@value #ARCHIVE_WRITE_SECONDS} s.
     * Returns at once, so that a host stopping many environments waits for all of them together.
     */
    CompletableFuture<Void> stop() {
        signalStop();
        Process jvmProcess;
        CompletableFuture<Void> handled;
        synchronized (this) {
            jvmProcess = process;
            handled = exitHandled;
        }
        if (jvmProcess == null) {
            return CompletableFuture.completedFuture(null);
        }
        return handled.copy()
                .orTimeout(ARCHIVE_WRITE_SECONDS, TimeUnit.SECONDS)
                .exceptionallyCompose(slow -> {
                    jvmProcess.destroyForcibly();
                    // Killed with SIGKILL: the kernel reaps it even if we stop waiting.
                    return handled.copy().completeOnTimeout(null, 5, TimeUnit.SECONDS);
                })
                .handle((gone, failure) -> null);
    }

    private static boolean await(CompletableFuture<?> exit, int seconds) {
        try {
            exit.get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Killed with SIGKILL: the kernel reaps it even if we stop waiting.
        }
        return false;
    }

    /** Says how the JVM ended in the words of Lambda's messages: {@code exit status 1}, {@code signal: killed}. */
    private static String exitReason(int exitStatus) {
        // Java reports a process ended by signal N as status 128 + N.
        return switch (exitStatus) {
            case 128 + 6 -> "signal: aborted";
            case 128 + 9 -> "signal: killed";
            case 128 + 11 -> "signal: segmentation fault";
            case 128 + 15 -> "signal: terminated";
            default -> "exit status " + exitStatus;
        };
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }
}
