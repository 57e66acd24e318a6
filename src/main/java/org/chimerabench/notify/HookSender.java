package org.chimerabench.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.chimerabench.endpoint.EndpointAddressGuard;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the due hook deliveries: a POST of the stored body with {@code X-Chimera-Signature: sha256=<hex>} (HMAC-SHA256
 * of the body with the hook's secret), 5 s to answer, no redirects followed; a 2xx delivers, anything else waits
 * {@code retry-base × 2^(attempts−1)} and tries again, at most {@code max-attempts} times. The URL is checked
 * against the address guard again before each attempt (a name may resolve elsewhere since).
 */
@Component
class HookSender {

    static final String SIGNATURE = "X-Chimera-Signature";
    static final String DELIVERY = "X-Chimera-Delivery";

    private final HookRepository hooks;
    private final HookDeliveryRepository deliveries;
    private final EndpointAddressGuard guard;
    private final TransactionTemplate tx;
    private final Duration retryBase;
    private final int maxAttempts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    HookSender(HookRepository hooks, HookDeliveryRepository deliveries, EndpointAddressGuard guard,
               TransactionTemplate tx, @Value("${chimera.hooks.retry-base:10s}") Duration retryBase,
               @Value("${chimera.hooks.max-attempts:6}") int maxAttempts) {
        this.hooks = hooks;
        this.deliveries = deliveries;
        this.guard = guard;
        this.tx = tx;
        this.retryBase = retryBase;
        this.maxAttempts = maxAttempts;
    }

    /** Tries every due delivery once; returns how many were tried. */
    int sendDue() {
        List<Long> due = tx.execute(s -> deliveries.due(HookDelivery.Status.PENDING, OffsetDateTime.now(),
                Pageable.ofSize(20)).stream().map(HookDelivery::getId).toList());
        due.forEach(this::attempt);
        return due.size();
    }

    private void attempt(long deliveryId) {
        HookDelivery delivery = tx.execute(s -> deliveries.findById(deliveryId).orElse(null));
        Hook hook = delivery == null ? null : tx.execute(s -> hooks.findById(delivery.getHookId()).orElse(null));
        if (hook == null) {
            return;
        }
        Integer status = null;
        String error;
        String refused = guard.problem(hook.getUrl());
        if (refused != null) {
            error = "Not sent: " + refused;
        } else {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(hook.getUrl()))
                        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                        .header("User-Agent", "Chimera-Bench-Hook")
                        .header(SIGNATURE, signature(hook.getSecret(), delivery.getBody()))
                        .header(DELIVERY, Long.toString(delivery.getId())) // the same on every retry: a receiver
                        // drops a delivery it has seen (the signed body carries its time, "at")
                        .POST(HttpRequest.BodyPublishers.ofString(delivery.getBody(), StandardCharsets.UTF_8))
                        .build(), HttpResponse.BodyHandlers.discarding()); // the answer's body is never read
                status = response.statusCode();
                error = status / 100 == 2 ? null : "HTTP " + status;
            } catch (java.net.ConnectException e) {
                error = "No connection to " + URI.create(hook.getUrl()).getAuthority()
                        + (e.getMessage() == null ? " (refused or unreachable)" : ": " + e.getMessage());
            } catch (javax.net.ssl.SSLException e) {
                error = "TLS failed: the receiver's certificate is not trusted here, or the handshake broke off";
            } catch (java.net.http.HttpTimeoutException e) {
                error = "No answer within 5 s";
            } catch (java.io.IOException e) {
                error = "Not delivered: " + (e.getMessage() == null ? "the connection failed" : e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IllegalArgumentException e) {
                error = "Not sent: " + e.getMessage();
            }
        }
        Integer code = status;
        String problem = error;
        tx.executeWithoutResult(s -> deliveries.findById(deliveryId).ifPresent(d -> {
            if (problem == null) {
                d.delivered(code);
            } else {
                d.failed(code, problem, retryBase.multipliedBy(1L << Math.min(20, d.getAttempts())), maxAttempts);
            }
        }));
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of the body (UTF-8) keyed with the secret (UTF-8). */
    static String signature(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
