package fr.referentia.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Who used the CPU during a phase: this JVM, the child processes it waited for (the load
 * generator), and every other process of the machine (from /proc/stat on Linux). A shared or
 * busy machine shows up here rather than as unexplained slowness.
 */
final class CpuMeter {

    private static final double TICK_NANOS = 1e9 / 100; // USER_HZ is 100 on Linux

    record Snapshot(long wallNanos, long processNanos, long childTicks, long machineBusyTicks, long machineTicks) {
    }

    /** Average CPU cores used during a phase, by whom. {@code machine} is NaN where /proc is not available. */
    record Usage(double seconds, double process, double children, double machine) {

        double others() {
            return Double.isNaN(machine) ? Double.NaN : Math.max(0, machine - process - children);
        }

        @Override
        public String toString() {
            String own = String.format(Locale.ROOT, "this JVM %.2f cores", process);
            String load = children > 0.005 ? String.format(Locale.ROOT, ", child process %.2f", children) : "";
            String rest = Double.isNaN(machine) ? ""
                    : String.format(Locale.ROOT, ", other processes %.2f (machine %.2f of %d)", others(), machine,
                            Runtime.getRuntime().availableProcessors());
            return own + load + rest;
        }
    }

    static Snapshot now() {
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long children = 0;
        long busy = -1;
        long total = -1;
        try {
            String self = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = self.substring(self.lastIndexOf(')') + 2).split(" ");
            children = Long.parseLong(fields[13]) + Long.parseLong(fields[14]); // cutime, cstime (fields 16, 17)
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            busy = 0;
            for (int i = 1; i <= 8 && i < cpu.length; i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(cpu[i]);
            }
            total = busy + idle;
        } catch (IOException | RuntimeException e) {
            // not Linux: only this JVM's own CPU time is known
        }
        return new Snapshot(System.nanoTime(), process, children, busy, total);
    }

    static Usage since(Snapshot start) {
        return between(start, now());
    }

    static Usage between(Snapshot start, Snapshot end) {
        double wall = end.wallNanos() - start.wallNanos();
        double machine = start.machineTicks() < 0 || end.machineTicks() == start.machineTicks() ? Double.NaN
                : (end.machineBusyTicks() - start.machineBusyTicks()) / (double) (end.machineTicks() - start.machineTicks())
                        * Runtime.getRuntime().availableProcessors();
        return new Usage(wall / 1e9, (end.processNanos() - start.processNanos()) / wall,
                (end.childTicks() - start.childTicks()) * TICK_NANOS / wall, machine);
    }

    private CpuMeter() {
    }
}
