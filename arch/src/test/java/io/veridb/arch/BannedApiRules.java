package io.veridb.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.veridb.arch.Apis.anyOf;
import static io.veridb.arch.Apis.constructor;
import static io.veridb.arch.Apis.method;

import com.tngtech.archunit.lang.ArchRule;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Scanner;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The banned APIs of STYLE rule 19 (modelled on Lucene's forbidden-apis {@code jdk-unsafe} and
 * {@code jdk-system-out} signatures), as ArchUnit rules over the main classes below a root package. Each rule
 * reports the calling method and source line. Descriptions are freeze-store keys: keep them stable.
 */
final class BannedApiRules {

    private final ModuleRules modules;

    BannedApiRules(ModuleRules modules) {
        this.modules = modules;
    }

    /** cli talks to a terminal and bench prints its results from {@code main}; every other module logs. */
    ArchRule noConsoleOutputOutsideCliAndBench() {
        return noClasses().that().resideOutsideOfPackages(modules.module("cli"), modules.module("bench"))
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().accessTargetWhere(method(Throwable.class, "printStackTrace"))
                .as("no class outside " + modules.module("cli") + " and " + modules.module("bench")
                        + " uses System.out, System.err or Throwable.printStackTrace()")
                .because("STYLE rule 19: log through SLF4J");
    }

    ArchRule noDefaultCharset() {
        return noClasses()
                .should().accessTargetWhere(anyOf(List.of(
                        method(String.class, "getBytes"),
                        constructor(String.class, byte[].class),
                        constructor(String.class, byte[].class, int.class, int.class),
                        constructor(InputStreamReader.class, InputStream.class),
                        constructor(OutputStreamWriter.class, OutputStream.class),
                        constructor(FileReader.class, String.class),
                        constructor(FileReader.class, File.class),
                        constructor(FileReader.class, FileDescriptor.class),
                        constructor(FileWriter.class, String.class),
                        constructor(FileWriter.class, String.class, boolean.class),
                        constructor(FileWriter.class, File.class),
                        constructor(FileWriter.class, File.class, boolean.class),
                        constructor(FileWriter.class, FileDescriptor.class),
                        constructor(PrintStream.class, OutputStream.class),
                        constructor(PrintStream.class, OutputStream.class, boolean.class),
                        constructor(PrintStream.class, String.class),
                        constructor(PrintStream.class, File.class),
                        constructor(PrintWriter.class, OutputStream.class),
                        constructor(PrintWriter.class, OutputStream.class, boolean.class),
                        constructor(PrintWriter.class, String.class),
                        constructor(PrintWriter.class, File.class),
                        constructor(Scanner.class, InputStream.class),
                        constructor(Scanner.class, File.class),
                        constructor(Scanner.class, Path.class),
                        method(ByteArrayOutputStream.class, "toString"),
                        method(Charset.class, "defaultCharset"))))
                .as("no class uses a default-charset API")
                .because("STYLE rule 19: name the charset (StandardCharsets.UTF_8) so bytes do not depend on the "
                        + "platform");
    }

    ArchRule noFileDelete() {
        return noClasses()
                .should().accessTargetWhere(method(File.class, "delete"))
                .as("no class calls java.io.File.delete()")
                .because("STYLE rule 19: it fails silently with a boolean; use Files.delete or Files.deleteIfExists");
    }

    ArchRule noJavaSerialization() {
        return noClasses()
                .should().dependOnClassesThat().belongToAnyOf(ObjectOutputStream.class, ObjectInputStream.class)
                .as("no class uses Java serialization (ObjectOutputStream, ObjectInputStream)")
                .because("STYLE rule 19: every byte format has one owner class with a written grammar (rule 4)");
    }

    ArchRule noUnnamedThreads() {
        return noClasses()
                .should().accessTargetWhere(anyOf(List.of(
                        constructor(Thread.class),
                        constructor(Thread.class, Runnable.class),
                        constructor(Thread.class, ThreadGroup.class, Runnable.class),
                        constructor(Timer.class),
                        constructor(Timer.class, boolean.class),
                        method(Executors.class, "newFixedThreadPool", int.class),
                        method(Executors.class, "newCachedThreadPool"),
                        method(Executors.class, "newSingleThreadExecutor"),
                        method(Executors.class, "newScheduledThreadPool", int.class),
                        method(Executors.class, "newSingleThreadScheduledExecutor"),
                        method(Executors.class, "newWorkStealingPool"),
                        method(Executors.class, "newWorkStealingPool", int.class),
                        method(Executors.class, "defaultThreadFactory"),
                        constructor(ThreadPoolExecutor.class, int.class, int.class, long.class, TimeUnit.class,
                                BlockingQueue.class),
                        constructor(ThreadPoolExecutor.class, int.class, int.class, long.class, TimeUnit.class,
                                BlockingQueue.class, RejectedExecutionHandler.class),
                        constructor(ScheduledThreadPoolExecutor.class, int.class),
                        constructor(ScheduledThreadPoolExecutor.class, int.class, RejectedExecutionHandler.class),
                        constructor(ForkJoinPool.class),
                        constructor(ForkJoinPool.class, int.class))))
                .as("no class starts unnamed threads")
                .because("STYLE rule 19: name every thread (new Thread(r, name) or a ThreadFactory) so thread "
                        + "dumps and logs say whose it is");
    }
}
