package dev.supportgraph.webhook;

import dev.supportgraph.error.ApiException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Callback URL checks with private targets refused, as in production (tests run with them allowed). */
@Tag("pure")
class CallbackUrlsTest {

    @Test
    void privateLoopbackAndLinkLocalTargetsAreRefused() {
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "https://10.1.2.3/hook", "http://192.168.0.10/",
                "http://172.16.5.5/", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook", "http://[fd00::1]/hook",
                "http://[fe80::1]/hook", "http://0.0.0.0/")) {
            ApiException refused = assertThrows(ApiException.class, () -> CallbackUrls.check(url, false), url);
            assertEquals(List.of("input", "callbackUrl"), refused.field(), url);
        }
    }

    @Test
    void publicTargetsPassAndPrivateOnesWhenAllowed() {
        assertEquals("https://93.184.216.34/hook", CallbackUrls.check("https://93.184.216.34/hook", false));
        assertEquals("http://127.0.0.1:8080/hook", CallbackUrls.check("http://127.0.0.1:8080/hook", true));
    }
}
