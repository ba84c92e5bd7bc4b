package dev.pitwall.operations.web;

import dev.pitwall.operations.Delivery;
import dev.pitwall.operations.NotificationService;
import dev.pitwall.operations.Subscription;
import dev.pitwall.operations.SubscriptionDraft;
import dev.pitwall.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications", description = "Subscriptions (webhooks, Slack, Teams, email), deliveries and dead letters")
class NotificationApiController {

    record EnabledRequest(Boolean enabled) {
    }

    private final NotificationService notifications;

    NotificationApiController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/v1/subscriptions")
    @PreAuthorize(Permission.Checks.NOTIFICATIONS_MANAGE)
    @Operation(summary = "Subscriptions to notifications", description = "Webhook secrets are never shown again; "
            + "incoming-webhook URLs are shown without their path.")
    List<Subscription> subscriptions() {
        return notifications.subscriptions();
    }

    @PostMapping("/api/v1/subscriptions")
    @PreAuthorize(Permission.Checks.NOTIFICATIONS_MANAGE)
    @Operation(summary = "Subscribe", description = "{\"name\":\"On-call\",\"channel\":\"WEBHOOK\",\"url\":\"https://…\","
            + "\"eventTypes\":[\"incident.opened\",\"incident.escalated\"],\"workflowKey\":\"claims-assistant\"}. "
            + "channel WEBHOOK, SLACK, TEAMS or EMAIL (personEmail or teamId). The answer carries a webhook's secret, "
            + "generated when left out, this once. 400 names each bad field.")
    ResponseEntity<NotificationService.Created> subscribe(@RequestBody SubscriptionDraft draft) {
        NotificationService.Created created = notifications.subscribe(draft);
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + created.subscription().id())).body(created);
    }

    @PutMapping("/api/v1/subscriptions/{id}/enabled")
    @PreAuthorize(Permission.Checks.NOTIFICATIONS_MANAGE)
    @Operation(summary = "Switch a subscription on or off", description = "{\"enabled\":false}")
    Subscription enable(@PathVariable long id, @RequestBody EnabledRequest request) {
        if (request.enabled() == null) {
            throw dev.pitwall.platform.web.InvalidInputException.ofField("enabled", "true or false");
        }
        return notifications.setEnabled(id, request.enabled());
    }

    @DeleteMapping("/api/v1/subscriptions/{id}")
    @PreAuthorize(Permission.Checks.NOTIFICATIONS_MANAGE)
    @Operation(summary = "Delete a subscription", description = "Its past deliveries stay listed; pending ones are dead-lettered.")
    ResponseEntity<Void> unsubscribe(@PathVariable long id) {
        notifications.unsubscribe(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/subscriptions/{id}/test")
    @PreAuthorize(Permission.Checks.NOTIFICATIONS_MANAGE)
    @Operation(summary = "Queue a test notification (event type test) to one subscription")
    Map<String, Integer> test(@PathVariable long id) {
        return Map.of("queued", notifications.test(id));
    }

    @GetMapping("/api/v1/deliveries")
    @PreAuthorize(Permission.Checks.NOTIFICATIONS_MANAGE)
    @Operation(summary = "Deliveries, newest first", description = "status PENDING, DELIVERED or DEAD (the dead letters).")
    List<Delivery> deliveries(@RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit) {
        return notifications.deliveries(status, limit);
    }

    @PostMapping("/api/v1/deliveries/{id}/replay")
    @PreAuthorize(Permission.Checks.NOTIFICATIONS_MANAGE)
    @Operation(summary = "Replay a dead letter", description = "409 DELIVERY_NOT_DEAD for others.")
    Delivery replay(@PathVariable long id) {
        return notifications.replay(id);
    }
}
