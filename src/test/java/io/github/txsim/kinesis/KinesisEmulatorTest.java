package io.github.txsim.kinesis;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KinesisEmulatorTest {

    private static final Path EMULATOR_FOLDER = Path.of("emulator");

    @Test
    void startsOnAFreeLoopbackPortAndStopsWithItsOwner() throws Exception {
        KinesisEmulator emulator = KinesisEmulator.startNew(new KinesisEmulator.Options(EMULATOR_FOLDER, "node", 0, 10));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", emulator.port()), 5_000);
            assertTrue(socket.isConnected());
        } finally {
            emulator.close();
        }
        assertEquals("http://127.0.0.1:" + emulator.port(), emulator.endpoint());
        assertEquals("false", emulator.componentOptions().get("cborEnabled"), "kinesalite speaks JSON only");
    }

    @Test
    void aMissingNodeJsIsReportedWithWhatToDo() {
        KinesisEmulator emulator = new KinesisEmulator(
                new KinesisEmulator.Options(EMULATOR_FOLDER, "no-such-node-executable", 0, 10));

        IllegalStateException e = assertThrows(IllegalStateException.class, emulator::start);

        assertTrue(e.getMessage().startsWith("The local Kinesis emulator needs Node.js, but 'no-such-node-executable'"
                + " could not be started"), e.getMessage());
        assertTrue(e.getMessage().endsWith("install Node.js or set kinesis.local.node"), e.getMessage());
    }

    @Test
    void aMissingKinesaliteInstallIsReportedWithWhatToDo(@TempDir Path folder) throws Exception {
        Files.copy(EMULATOR_FOLDER.resolve("server.js"), folder.resolve("server.js"));
        KinesisEmulator emulator = new KinesisEmulator(new KinesisEmulator.Options(folder, "node", 0, 10));

        IllegalStateException e = assertThrows(IllegalStateException.class, emulator::start);

        assertTrue(e.getMessage().startsWith("kinesalite is not installed in " + folder.resolve("node_modules")),
                e.getMessage());
    }
}
