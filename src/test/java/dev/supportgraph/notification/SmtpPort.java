package dev.supportgraph.notification;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Points quarkus-mailer at a free local port (real SMTP, no mock) where the test runs GreenMail;
 * the port is handed to the test as system property {@value #PROPERTY}.
 */
public class SmtpPort implements QuarkusTestResourceLifecycleManager {

    static final String PROPERTY = "greenmail.test.smtp-port";

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            String port = String.valueOf(socket.getLocalPort());
            System.setProperty(PROPERTY, port);
            return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", port,
                    "quarkus.mailer.start-tls", "DISABLED");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        System.clearProperty(PROPERTY);
    }
}
