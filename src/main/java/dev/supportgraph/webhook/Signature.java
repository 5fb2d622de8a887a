package dev.supportgraph.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The delivery signature (docs/webhooks.md): header {@code X-SupportGraph-Signature: t=<unix seconds>,v1=<hex>}
 * where v1 is HMAC-SHA256 with the listener's secret over {@code "<t>.<body>"}. The timestamp inside
 * the signed text lets receivers refuse replays of old deliveries.
 */
public final class Signature {

    public static final String HEADER = "X-SupportGraph-Signature";
    public static final String EVENT_ID_HEADER = "X-SupportGraph-Event-Id";

    private Signature() {
    }

    /** The header value for {@code body} sent at {@code epochSeconds}. */
    public static String header(String secret, long epochSeconds, String body) {
        return "t=" + epochSeconds + ",v1=" + hmac(secret, epochSeconds + "." + body);
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
