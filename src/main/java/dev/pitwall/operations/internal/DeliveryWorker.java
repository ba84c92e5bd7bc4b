package dev.pitwall.operations.internal;

import dev.pitwall.operations.Delivery;
import dev.pitwall.operations.NotificationChannel;
import dev.pitwall.operations.NotificationProperties;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the outbox: each due delivery is claimed by one node, sent, and marked delivered, or
 * retried after a backoff that doubles, or dead-lettered after the last attempt. Webhooks are
 * signed; Slack and Teams get their incoming-webhook formats; email goes through Spring Mail.
 */
@Component
public class DeliveryWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 50;

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties properties;
    private final dev.pitwall.operations.OperationsProperties operations;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pitwall-notifications");
        thread.setDaemon(true);
        return thread;
    });

    DeliveryWorker(Deliveries deliveries, Subscriptions subscriptions, ObjectProvider<JavaMailSender> mail,
            NotificationProperties properties, dev.pitwall.operations.OperationsProperties operations, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.mail = mail;
        this.properties = properties;
        this.operations = operations;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        // Nodes that take no part in the rounds (pitwall.operations.evaluate=false) deliver nothing either.
        if (properties.deliver() && operations.evaluate()) {
            long every = properties.pollInterval().toMillis();
            worker.scheduleWithFixedDelay(this::deliverSafely, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void deliverSafely() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("Delivering notifications failed; the next poll tries again: {}", e.getMessage());
        }
    }

    /** One pass over the outbox; returns how many deliveries were attempted. */
    public int deliverDue() {
        int attempted = 0;
        Instant now = clock.instant();
        for (long id : deliveries.due(now, BATCH)) {
            // The lease: longer than an attempt can take, so nobody else sends it meanwhile.
            if (deliveries.claim(id, now, now.plus(properties.timeout().multipliedBy(3)))) {
                attempt(deliveries.find(id).orElseThrow());
                attempted++;
            }
        }
        return attempted;
    }

    private void attempt(Delivery d) {
        int attempts = d.attempts() + 1;
        try {
            send(d);
            deliveries.delivered(d.id(), attempts, clock.instant());
        } catch (DeliveryFailed | RuntimeException e) {
            boolean dead = attempts >= properties.maxAttempts() || e instanceof DeliveryFailed f && f.permanent;
            Instant next = clock.instant().plus(properties.backoffAfter(attempts));
            deliveries.failed(d.id(), attempts, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    next, dead);
            if (dead) {
                log.warn("Notification {} to {} dead-lettered after {} attempts: {}", d.deliveryId(),
                        d.channel() == NotificationChannel.EMAIL ? "an email recipient" : d.recipient(), attempts,
                        e.getMessage());
            }
        }
    }

    private void send(Delivery d) throws DeliveryFailed {
        String payload = deliveries.payload(d.id());
        if (d.channel() == NotificationChannel.EMAIL) {
            email(d, JSON.readTree(payload));
            return;
        }
        java.util.Optional<String> ownKey = d.subscriptionId() == null ? deliveries.signingSecret(d.id())
                : java.util.Optional.empty();
        if (d.subscriptionId() == null && ownKey.isEmpty()) {
            throw new DeliveryFailed("its subscription was deleted", true);
        }
        String body = switch (d.channel()) {
            case SLACK -> slack(JSON.readTree(payload));
            case TEAMS -> teams(JSON.readTree(payload));
            default -> payload;
        };
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(deliveries.recipient(d.id()))).timeout(properties.timeout())
                .header("Content-Type", "application/json").header("User-Agent", "Pitwall-Notifications/1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (d.channel() == NotificationChannel.WEBHOOK) {
            long timestamp = clock.instant().getEpochSecond();
            request.header("Pitwall-Event", d.eventType()).header("Pitwall-Delivery", d.deliveryId());
            (ownKey.isPresent() ? ownKey : subscriptions.secret(d.subscriptionId())).ifPresent(secret -> request.header(
                    "Pitwall-Signature", "t=" + timestamp + ",v1=" + sign(secret, timestamp + "." + body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryFailed(e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted", false);
        }
        if (response.statusCode() / 100 != 2) {
            String answer = response.body() == null ? "" : response.body();
            throw new DeliveryFailed("HTTP " + response.statusCode()
                    + (answer.isBlank() ? "" : ": " + answer.substring(0, Math.min(200, answer.length()))), false);
        }
    }

    private void email(Delivery d, JsonNode payload) throws DeliveryFailed {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new DeliveryFailed("email is not configured (spring.mail.host)", false);
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(deliveries.recipient(d.id()));
            helper.setSubject("[Pitwall] " + d.subject());
            String url = payload.path("url").asString("");
            helper.setText(payload.path("text").asString("") + (url.isBlank() ? "" : "\n\n" + url)
                    + "\n\n— Pitwall, " + payload.path("organization").asString(""));
            message.setHeader("X-Pitwall-Delivery", d.deliveryId());
            sender.send(message);
        } catch (jakarta.mail.MessagingException | org.springframework.mail.MailException e) {
            throw new DeliveryFailed(e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        }
    }

    /** A Slack incoming-webhook message. */
    static String slack(JsonNode p) {
        String url = p.path("url").asString("");
        String link = url.startsWith("http") ? "\n<" + url + "|Open in Pitwall>" : url.isBlank() ? "" : "\n" + url;
        return JSON.writeValueAsString(Map.of("text", "*" + p.path("subject").asString("") + "*\n"
                + p.path("text").asString("") + link));
    }

    /** A Microsoft Teams incoming-webhook (Workflows) message carrying an Adaptive Card. */
    static String teams(JsonNode p) {
        String url = p.path("url").asString("");
        var card = new java.util.LinkedHashMap<String, Object>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", java.util.List.of(
                Map.of("type", "TextBlock", "text", p.path("subject").asString(""), "weight", "Bolder", "wrap", true),
                Map.of("type", "TextBlock", "text", p.path("text").asString(""), "wrap", true)));
        if (url.startsWith("http")) {
            card.put("actions", java.util.List.of(Map.of("type", "Action.OpenUrl", "title", "Open in Pitwall", "url", url)));
        }
        return JSON.writeValueAsString(Map.of("type", "message", "attachments", java.util.List.of(
                Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content", card))));
    }

    /** The hex HMAC-SHA256 of {@code signed} under {@code secret}. */
    public static String sign(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /** An attempt that failed; permanent ones are dead-lettered at once. */
    static final class DeliveryFailed extends Exception {

        final boolean permanent;

        DeliveryFailed(String message, boolean permanent) {
            super(message);
            this.permanent = permanent;
        }
    }
}
