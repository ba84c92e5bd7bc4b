package dev.pitwall.platform.security.internal;

import dev.pitwall.platform.identity.IdentityProperties;
import dev.pitwall.platform.identity.PersonLinks;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.users.ExternalSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import dev.pitwall.platform.tokens.ApiTokenService;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;

/**
 * Two filter chains. The API chain ({@code /api}, {@code /otlp}, {@code /actuator}) is stateless:
 * API tokens or HTTP Basic, answers 401/403 as problem details, no CSRF (no cookies). The UI
 * chain signs people in with a form and a session, protects forms with CSRF, and also accepts
 * HTTP Basic and tokens so that {@code /v3/api-docs} can be fetched by scripts. Which role may do
 * what is decided by {@code @PreAuthorize} permissions on the controllers, the same for UI and API.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // BCrypt, with the {bcrypt} id stored so a future algorithm can be rolled in.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Passwords (throttled), API tokens, and, when an identity provider is configured, the
     * authorization code its sign-in returns (one manager for all, so the filter chains that set
     * it see every way of signing in).
     */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder,
            ApiTokenService tokens, LoginThrottle throttle, ObjectProvider<ClientRegistrationRepository> identityProviders,
            PitwallOidcUserService oidcUsers, dev.pitwall.platform.privacy.PrivacyProperties privacy) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        java.util.List<org.springframework.security.authentication.AuthenticationProvider> providers =
                new java.util.ArrayList<>(java.util.List.of(new ThrottledAuthenticationProvider(passwords, throttle),
                        new ApiTokenAuthenticationProvider(tokens, privacy.identifyRoles())));
        if (identityProviders.getIfAvailable() != null) {
            providers.add(new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(),
                    oidcUsers));
        }
        return new ProviderManager(providers);
    }

    /** Used when an identity provider is registered ({@code spring.security.oauth2.client.*}). */
    @Bean
    PitwallOidcUserService pitwallOidcUserService(ExternalSignIn externalSignIn, IdentityProperties identity,
            java.util.List<PersonLinks> personLinks, dev.pitwall.platform.privacy.PrivacyProperties privacy) {
        return new PitwallOidcUserService(externalSignIn, identity, personLinks, privacy.identifyRoles());
    }

    /**
     * The sessions of each user, read from the sessions table that all nodes share (Spring
     * Session JDBC), so ending a user's sessions on one node ends them on every node.
     */
    @Bean
    <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.securityMatcher("/api/**", "/otlp/**", "/actuator/**", "/scim/**")
                .authenticationManager(authenticationManager)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthorized()))
                .addFilterBefore(bearerFilter(authenticationManager), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .headers(headers -> headers.referrerPolicy(r -> r.policy(REFERRER_POLICY)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(Permission.OPERATIONS_READ.authority())
                        .anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http, AuthenticationManager authenticationManager,
            SessionRegistry sessionRegistry, java.util.List<dev.pitwall.platform.security.PublicPages> publicPages,
            ObjectProvider<ClientRegistrationRepository> identityProviders, PitwallOidcUserService oidcUsers)
            throws Exception {
        if (identityProviders.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/", false)
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers))
                    .failureHandler(SecurityConfiguration::signInWithProviderFailed));
        }
        String[] open = publicPages.stream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
        ContentNegotiationStrategy negotiation = new HeaderContentNegotiationStrategy();
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(negotiation, MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        http.authenticationManager(authenticationManager)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
                        .failureHandler((request, response, exception) -> response.sendRedirect(
                                request.getContextPath() + (exception instanceof LoginThrottled ? "/login?locked" : "/login?error"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthorized()))
                .addFilterBefore(bearerFilter(authenticationManager), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessionRegistry)
                        .expiredUrl("/login?expired"))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(loginPage(), html)
                        .defaultAuthenticationEntryPointFor(ProblemResponses.unauthorized(), AnyRequestMatcher.INSTANCE))
                .headers(SecurityConfiguration::pageHeaders)
                .authorizeHttpRequests(auth -> {
                    auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                            .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                    "/favicon.ico").permitAll();
                    if (open.length > 0) {
                        auth.requestMatchers(open).permitAll();
                    }
                    auth.anyRequest().authenticated();
                });
        return http.build();
    }

    /**
     * No inline script at all: every script is a file served by Pitwall, so text that reaches a
     * page can never run even if an escaping mistake lets markup through. Inline styles stay
     * allowed (Bootstrap utilities and the charts set them; styles cannot run code).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * Back to the sign-in page with the reason's code (only codes the page knows are shown; the
     * provider's own description is logged, never shown, as it may carry anything).
     */
    private static void signInWithProviderFailed(jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.core.AuthenticationException exception) throws java.io.IOException {
        String code = exception instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException oauth2
                ? oauth2.getError().getErrorCode() : "other";
        org.slf4j.LoggerFactory.getLogger(SecurityConfiguration.class)
                .info("Sign-in with the identity provider refused: {} ({})", code, exception.getMessage());
        String shown = java.util.Set.of("invalid_id_token", PitwallOidcUserService.ACCOUNT_DISABLED, "access_denied")
                .contains(code) ? code : "other";
        response.sendRedirect(request.getContextPath() + "/login?sso-error=" + shown);
    }

    /** Links to other sites carry no path or query of Pitwall's pages. */
    private static final ReferrerPolicyHeaderWriter.ReferrerPolicy REFERRER_POLICY =
            ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN;

    private static void pageHeaders(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(REFERRER_POLICY));
    }

    /**
     * Sends people who are not signed in to {@code /login} by a relative redirect: an absolute one
     * would be built from the request's Host header, which a client chooses.
     */
    private static LoginUrlAuthenticationEntryPoint loginPage() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    private static AuthenticationFilter bearerFilter(AuthenticationManager authenticationManager) {
        AuthenticationFilter filter = new AuthenticationFilter(authenticationManager, new BearerTokenConverter());
        filter.setSuccessHandler((request, response, authentication) -> {
            // Continue down the chain: a token authenticates this request only.
        });
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(ProblemResponses.unauthorized()));
        return filter;
    }
}
