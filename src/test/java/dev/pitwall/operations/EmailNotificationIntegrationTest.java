package dev.pitwall.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import dev.pitwall.operations.internal.DeliveryWorker;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.testing.PitwallIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Email through Spring Mail against an in-JVM SMTP server (GreenMail): the person an incident is
 * routed to is written to directly, and an email subscription to a team reaches its members.
 */
@PitwallIntegrationTest
class EmailNotificationIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    static final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        smtp.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("pitwall.notifications.from", () -> "pitwall@northwind.example");
        registry.add("pitwall.notifications.public-url", () -> "https://pitwall.example.org/");
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    DeliveryWorker worker;

    @Test
    void theRoutedPersonAndATeamSubscriptionAreEmailed() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long team = JsonPath.<Number>read(send(post("/api/v1/teams"), "{\"name\":\"Claims desk %s\"}".formatted(suffix)), "$.id")
                .longValue();
        for (String name : List.of("q", "m1", "m2")) {
            send(post("/api/v1/people"), """
                    {"email":"%1$s-%2$s@mail.test","name":"%1$s %2$s","level":"PRACTITIONER","tier":"CONSUMER"%3$s}"""
                    .formatted(name, suffix, name.startsWith("m") ? ",\"teamId\":" + team : ""));
        }
        String key = "mail-" + suffix;
        send(post("/api/v1/workflows"), """
                {"key":"%s","name":"Mailed %s","stage":"PILOT","decisionRights":{"QUALITY_MONITOR":"q-%s@mail.test"}}"""
                .formatted(key, suffix, suffix));
        send(post("/api/v1/subscriptions"), """
                {"name":"Desk %s","channel":"EMAIL","teamId":%d,"eventTypes":["incident.opened"],"workflowKey":"%s"}"""
                .formatted(suffix, team, key));
        long incident = JsonPath.<Number>read(send(post("/api/v1/incidents"), """
                {"title":"Wrong refund %s","severity":"SEV2","workflowKey":"%s"}""".formatted(suffix, key)), "$.id").longValue();
        assertThat(JsonPath.<List<String>>read(send(get("/api/v1/incidents/" + incident), null), "$.timeline[*].kind"))
                .contains("NOTIFIED");

        worker.deliverDue();
        MimeMessage[] mails = smtp.getReceivedMessages();
        List<String> to = Arrays.stream(mails).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(to).contains("q-" + suffix + "@mail.test", "m1-" + suffix + "@mail.test", "m2-" + suffix + "@mail.test");
        MimeMessage routed = Arrays.stream(mails).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().startsWith("q-" + suffix);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        assertThat(routed.getSubject()).isEqualTo("[Pitwall] SEV2 incident for you: Wrong refund " + suffix);
        assertThat(routed.getFrom()[0].toString()).isEqualTo("pitwall@northwind.example");
        assertThat(GreenMailUtil.getBody(routed)).contains("QUALITY_MONITOR")
                .contains("https://pitwall.example.org/operations/incidents/" + incident);
        assertThat(JsonPath.<List<String>>read(send(get("/api/v1/deliveries").param("status", "DELIVERED"), null),
                "$[?(@.recipient == 'm1-" + suffix + "@mail.test')].eventType")).containsExactly("incident.opened");
    }

    private String send(MockHttpServletRequestBuilder request, String body) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request.with(ADMIN)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
        return response.getContentAsString();
    }
}
