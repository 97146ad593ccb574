package dev.lingogate.bench.translate;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The CPU time a server has used, read from {@code /proc}: its own process, and its descendants
 * apart, split between Java ones (the function JVMs behind the gateway) and the rest (Apertium's
 * programs). Read before and after a pass, the difference divided by the requests is the CPU each
 * request cost each part, a figure that, unlike requests per second, other work on the machine does
 * not change much. A descendant's time counts once it has been waited for as well (the {@code
 * cutime} of its parent), so a tagger restarted during a pass is not lost.
 */
record ProcessCpu(long ownNanos, long javaChildrenNanos, long otherChildrenNanos) {

    /** Linux's clock ticks of {@code /proc/<pid>/stat}: USER_HZ, 100 on every architecture Linux runs on today. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static final ProcessCpu NONE = new ProcessCpu(0, 0, 0);

    /** The server's CPU time now, or {@link #NONE} when no process id was given or there is no {@code /proc}. */
    static ProcessCpu of(OptionalLong pid) {
        if (pid.isEmpty()) {
            return NONE;
        }
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, Stat> stats = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                Stat stat = Stat.read(process.resolve("stat"));
                if (stat != null) {
                    stats.put(Long.parseLong(process.getFileName().toString()), stat);
                    children.computeIfAbsent(stat.parent(), p -> new ArrayList<>()).add(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            return NONE;
        }
        Stat root = stats.get(pid.getAsLong());
        if (root == null) {
            return NONE;
        }
        long java = 0;
        long other = root.waitedForTicks();
        List<Long> descendants = new ArrayList<>(children.getOrDefault(pid.getAsLong(), List.of()));
        while (!descendants.isEmpty()) {
            long child = descendants.remove(descendants.size() - 1);
            Stat stat = stats.get(child);
            if (stat.command().equals("java")) {
                java += stat.ownTicks() + stat.waitedForTicks();
            } else {
                other += stat.ownTicks() + stat.waitedForTicks();
            }
            descendants.addAll(children.getOrDefault(child, List.of()));
        }
        return new ProcessCpu(root.ownTicks() * NANOS_PER_TICK, java * NANOS_PER_TICK, other * NANOS_PER_TICK);
    }

    ProcessCpu minus(ProcessCpu before) {
        return new ProcessCpu(ownNanos - before.ownNanos, javaChildrenNanos - before.javaChildrenNanos,
                otherChildrenNanos - before.otherChildrenNanos);
    }

    /** One process's line of {@code /proc/<pid>/stat}, the fields read here. */
    private record Stat(String command, long parent, long ownTicks, long waitedForTicks) {

        static Stat read(Path file) {
            try {
                String line = Files.readString(file);
                // The command sits in parentheses and may itself hold spaces or parentheses.
                String command = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                // fields[0] is stat(5)'s field 3, state: utime is field 14, stime 15, cutime 16, cstime 17.
                return new Stat(command, Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                        Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
            } catch (IOException | RuntimeException e) {
                return null; // the process exited meanwhile
            }
        }
    }
}
