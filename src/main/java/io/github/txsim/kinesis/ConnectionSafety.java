package io.github.txsim.kinesis;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Refuses, at start-up, component settings that would weaken the connection to AWS. Against any endpoint but a
 * loopback one (the local emulator, a test's):
 * <ul>
 * <li>credentials come only from the AWS default provider chain (an EC2 instance profile, say): no access key,
 * secret key or session token in the configuration;</li>
 * <li>TLS certificates are always checked ({@code trustAllCertificates} stays off), and an endpoint override must be
 * {@code https}.</li>
 * </ul>
 * The messages name the setting, never its value.
 */
public final class ConnectionSafety {

    /** The prefix of camel-aws2-kinesis's component options, through which the AWS SDK is configured. */
    public static final String PREFIX = "camel.component.aws2-kinesis.";

    private ConnectionSafety() {
    }

    /**
     * @param option a camel-aws2-kinesis component option's value by its name (without the prefix); empty when unset
     * @throws IllegalStateException naming the setting to change
     */
    public static void check(Function<String, Optional<String>> option) {
        Optional<URI> endpoint = isTrue(option.apply("overrideEndpoint"))
                ? option.apply("uriEndpointOverride").map(URI::create) : Optional.empty();
        if (endpoint.map(ConnectionSafety::isLoopback).orElse(false)) {
            return;
        }
        for (String key : new String[] {"accessKey", "secretKey", "sessionToken"}) {
            if (option.apply(key).isPresent()) {
                throw new IllegalStateException(PREFIX + key + " is set: against AWS the credentials come only from "
                        + "the default provider chain (on EC2, the instance profile); remove it from the configuration");
            }
        }
        if (!isTrue(option.apply("useDefaultCredentialsProvider"))) {
            throw new IllegalStateException(PREFIX + "useDefaultCredentialsProvider must be true against AWS: the "
                    + "credentials come only from the default provider chain (on EC2, the instance profile)");
        }
        if (isTrue(option.apply("trustAllCertificates"))) {
            throw new IllegalStateException(PREFIX + "trustAllCertificates must stay false: TLS certificates are "
                    + "always checked, except for a loopback endpoint");
        }
        if (endpoint.isPresent() && !"https".equalsIgnoreCase(endpoint.get().getScheme())) {
            throw new IllegalStateException(PREFIX + "uriEndpointOverride must be an https:// address: plain "
                    + "http is allowed only to a loopback address such as 127.0.0.1");
        }
    }

    private static boolean isTrue(Optional<String> value) {
        return value.map(String::strip).map(Boolean::parseBoolean).orElse(false);
    }

    /** Whether the endpoint's host is this machine (127.0.0.0/8, ::1, localhost), without looking up other names. */
    static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
