package io.github.txsim.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Starts a one-node Kafka broker in KRaft mode (broker and controller in one process) from a server.properties file
 * whose listeners are on 127.0.0.1, formatting its log folder first when it is new. Arguments:
 * {@code <server.properties> <cluster id>}.
 * <p>
 * Once the broker accepts connections it prints one line, {@code kafka listening on 127.0.0.1:<port>}, which the
 * application waits for. It stops at once when its standard input closes, so it never outlives the process that
 * started it, even one killed with kill -9. (Kafka's own scripts start kafka.Kafka with no such guard.)
 */
public final class LoopbackKafka {

    private LoopbackKafka() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: LoopbackKafka <server.properties> <cluster id>");
            System.exit(2);
        }
        Thread parentWatch = new Thread(LoopbackKafka::haltWhenInputCloses, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();

        Properties config = new Properties();
        try (var in = Files.newBufferedReader(Path.of(args[0]))) {
            config.load(in);
        }
        Path logDir = Path.of(config.getProperty("log.dirs"));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int formatted = kafka.tools.StorageTool.execute(new String[] {"format", "--config", args[0],
                    "--cluster-id=" + args[1], "--standalone", "--ignore-formatted"}, new PrintStream(System.err));
            if (formatted != 0) {
                System.err.println("kafka could not format " + logDir);
                System.exit(1);
            }
        }
        String listener = config.getProperty("advertised.listeners");
        int port = Integer.parseInt(listener.substring(listener.lastIndexOf(':') + 1));
        Thread broker = new Thread(() -> kafka.Kafka.main(new String[] {args[0]}), "kafka-main");
        broker.start();
        while (broker.isAlive() && !accepts(port)) {
            Thread.sleep(50);
        }
        if (broker.isAlive()) {
            System.out.println("kafka listening on 127.0.0.1:" + port);
            System.out.flush();
        }
        broker.join();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void haltWhenInputCloses() {
        try {
            while (System.in.read() >= 0) {
                // nothing is read from the parent; only its end matters
            }
        } catch (IOException e) {
            // the parent is gone just the same
        }
        Runtime.getRuntime().halt(0);
    }
}
