package dev.pitwall.platform.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.User;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@PitwallIntegrationTest
class LoginThrottleIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void refusesEvenTheRightPasswordWith429AfterFiveFailuresInARow() throws Exception {
        User user = TestUsers.create(users, Role.VIEWER);
        for (int i = 0; i < LoginThrottle.USER_FAILURES; i++) {
            mvc.perform(get("/api/v1/people").with(httpBasic(user.username(), "wrong-" + i)).with(from("10.1.0.1")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/people").with(httpBasic(user.username(), TestUsers.PASSWORD)).with(from("10.1.0.2")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("TOO_MANY_SIGN_IN_FAILURES"));
        mvc.perform(formLogin("/login").user(user.username()).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void aSuccessfulSignInClearsTheCount() throws Exception {
        User user = TestUsers.create(users, Role.VIEWER);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < LoginThrottle.USER_FAILURES - 1; i++) {
                mvc.perform(get("/api/v1/people").with(httpBasic(user.username(), "wrong")).with(from("10.2.0.1")))
                        .andExpect(status().isUnauthorized());
            }
            mvc.perform(get("/api/v1/people").with(httpBasic(user.username(), TestUsers.PASSWORD)).with(from("10.2.0.1")))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void blocksAnAddressThatSpraysPasswordsOverManyNames() throws Exception {
        for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
            mvc.perform(get("/api/v1/people").with(httpBasic("nobody-" + i, "guess")).with(from("10.3.0.1")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/people").with(httpBasic("admin", "test-admin-password")).with(from("10.3.0.1")))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/v1/people").with(httpBasic("admin", "test-admin-password")).with(from("10.3.0.2")))
                .andExpect(status().isOk());
    }

    @Test
    void theBlockDoublesWithEveryFurtherFailureUpToFifteenMinutes() {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(jdbc, clock);
        String name = "doubling-" + System.nanoTime();
        for (int i = 0; i < LoginThrottle.USER_FAILURES; i++) {
            throttle.failed(name, null);
        }
        assertThat(throttle.blocked(name, null)).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.blocked(name, null)).isEmpty();
        throttle.failed(name, null);
        assertThat(throttle.blocked(name, null)).contains(Duration.ofMinutes(2));
        for (int i = 0; i < 6; i++) {
            throttle.failed(name, null);
        }
        assertThat(throttle.blocked(name, null)).contains(Duration.ofMinutes(15));
        throttle.succeeded(name);
        assertThat(throttle.blocked(name, null)).isEmpty();
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
