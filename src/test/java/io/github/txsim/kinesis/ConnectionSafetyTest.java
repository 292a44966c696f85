package io.github.txsim.kinesis;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionSafetyTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static String refusal(Map<String, String> options) {
        return assertThrows(IllegalStateException.class,
                () -> ConnectionSafety.check(key -> Optional.ofNullable(options.get(key)))).getMessage();
    }

    private static Map<String, String> aws() {
        Map<String, String> options = new HashMap<>();
        options.put("useDefaultCredentialsProvider", "true");
        return options;
    }

    @Test
    void theDefaultProviderChainAgainstAwsIsAccepted() {
        assertDoesNotThrow(() -> ConnectionSafety.check(key -> Optional.ofNullable(aws().get(key))));
    }

    @Test
    void staticKeysAgainstAwsAreRefusedWithoutShowingThem() {
        Map<String, String> options = aws();
        options.put("accessKey", "AKIAIOSFODNN7EXAMPLE");
        options.put("secretKey", SECRET);

        String message = refusal(options);

        assertTrue(message.startsWith("camel.component.aws2-kinesis.accessKey is set"), message);
        assertFalse(message.contains("AKIAIOSFODNN7EXAMPLE") || message.contains(SECRET), message);
    }

    @Test
    void credentialsOutsideTheDefaultChainAreRefused() {
        Map<String, String> options = aws();
        options.put("useDefaultCredentialsProvider", "false");

        assertTrue(refusal(options).contains("useDefaultCredentialsProvider must be true"));
    }

    @Test
    void certificateChecksCannotBeTurnedOffAgainstAws() {
        Map<String, String> options = aws();
        options.put("trustAllCertificates", "true");

        assertTrue(refusal(options).contains("trustAllCertificates must stay false"));
    }

    @Test
    void aPlainHttpEndpointIsAllowedOnlyOnLoopback() {
        Map<String, String> remote = aws();
        remote.put("overrideEndpoint", "true");
        remote.put("uriEndpointOverride", "http://kinesis.example.com");
        assertTrue(refusal(remote).contains("must be an https:// address"));

        Map<String, String> emulator = new HashMap<>();
        emulator.put("overrideEndpoint", "true");
        emulator.put("uriEndpointOverride", "http://127.0.0.1:4567");
        emulator.put("accessKey", "local");
        emulator.put("secretKey", "local");
        emulator.put("trustAllCertificates", "true");
        assertDoesNotThrow(() -> ConnectionSafety.check(key -> Optional.ofNullable(emulator.get(key))));
    }

    @Test
    void loopbackMeansThisMachineOnly() {
        assertTrue(ConnectionSafety.isLoopback(URI.create("http://127.0.0.1:4567")));
        assertTrue(ConnectionSafety.isLoopback(URI.create("http://localhost:4567")));
        assertTrue(ConnectionSafety.isLoopback(URI.create("http://[::1]:4567")));
        assertFalse(ConnectionSafety.isLoopback(URI.create("http://10.0.0.5:4567")));
        assertFalse(ConnectionSafety.isLoopback(URI.create("https://kinesis.us-east-1.amazonaws.com")));
    }
}
