package dev.pitwall.platform.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.testing.PitwallIntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A first start without PITWALL_ADMIN_PASSWORD: a random password, printed once. */
@PitwallIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "pitwall.admin-password=")
class AdminBootstrapIntegrationTest {

    private static final Pattern PRINTED = Pattern.compile("password: (\\S{20})");

    @Autowired
    AdminBootstrap bootstrap;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void printsARandomPasswordOnceThatSignsTheAdministratorIn(CapturedOutput output) throws Exception {
        Matcher matcher = PRINTED.matcher(output.getAll());
        assertThat(matcher.find()).as("the generated password is printed").isTrue();
        String password = matcher.group(1);
        assertThat(matcher.find()).as("printed only once").isFalse();

        mvc.perform(get("/api/v1/me").with(httpBasic("admin", password))).andExpect(status().isOk());

        bootstrap.run(new DefaultApplicationArguments());
        assertThat(output.getAll().split("password: ", -1)).hasSize(2);
        String stored = jdbc.sql("SELECT password_hash FROM platform_user WHERE username = 'admin'").query(String.class).single();
        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain(password);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_audit_entry WHERE after_state LIKE ?").param("%" + password + "%")
                .query(Long.class).single()).isZero();
    }
}
