package testidp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider (Spring Authorization Server) in the test's JVM, with people
 * whose ID tokens the tests shape: their claims, a wrong audience, or an expiry already past.
 * It lives outside {@code dev.pitwall}, so Pitwall's component scan never sees it; it reads no
 * application.yml. People sign in at its own login form with the password {@code secret}.
 */
public final class TestIdentityProvider {

    public static final String CLIENT_ID = "pitwall";
    public static final String CLIENT_SECRET = "pitwall-client-secret";
    public static final String PASSWORD = "secret";

    /** How the provider shapes one person's ID token. */
    public record Person(Map<String, Object> claims, List<String> audience, boolean expired) {

        public static Person withClaims(Map<String, Object> claims) {
            return new Person(claims, null, false);
        }

        public Person forAudience(String... audience) {
            return new Person(claims, List.of(audience), expired);
        }

        public Person alreadyExpired() {
            return new Person(claims, audience, true);
        }
    }

    private static final Map<String, Person> PEOPLE = new ConcurrentHashMap<>();
    private static volatile TestIdentityProvider running;

    private final ConfigurableApplicationContext context;
    private final String issuer;

    private TestIdentityProvider(ConfigurableApplicationContext context, String issuer) {
        this.context = context;
        this.issuer = issuer;
    }

    /**
     * The provider of this JVM, started on first use, whose one client (Pitwall) may be redirected
     * back to {@code redirectUri}.
     */
    public static synchronized TestIdentityProvider start(String redirectUri) {
        if (running == null) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
                    .web(WebApplicationType.SERVLET)
                    .properties("spring.config.name=testidp", "server.port=0", "spring.main.banner-mode=off",
                            "testidp.redirect-uri=" + redirectUri, "logging.level.root=WARN")
                    .run();
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            // Pitwall is reached at 127.0.0.1 and the provider at localhost: a browser keeps their
            // cookies apart by host name (not by port), as with two real sites.
            String issuer = "http://localhost:" + port;
            context.getBean(IssuerHolder.class).issuer = issuer;
            running = new TestIdentityProvider(context, issuer);
        }
        return running;
    }

    /** Adds or replaces a person who can sign in at the provider. */
    public TestIdentityProvider person(String username, Person person) {
        PEOPLE.put(username, person);
        context.getBean(InMemoryUserDetailsManager.class).deleteUser(username);
        context.getBean(InMemoryUserDetailsManager.class)
                .createUser(User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build());
        return this;
    }

    public String issuer() {
        return issuer;
    }

    static final class IssuerHolder {
        volatile String issuer;
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, SecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class})
    @EnableWebSecurity
    static class Provider {

        @Bean
        IssuerHolder issuerHolder() {
            return new IssuerHolder();
        }

        @Bean
        @Order(1)
        SecurityFilterChain protocolEndpoints(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                http.securityMatcher(server.getEndpointsMatcher());
                server.oidc(Customizer.withDefaults());
            });
            http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(org.springframework.http.MediaType.ALL)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    // The tests post the form without reading its token first.
                    .csrf(csrf -> csrf.disable());
            return http.build();
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager();
        }

        @Bean
        RegisteredClientRepository clients(org.springframework.core.env.Environment environment) {
            RegisteredClient pitwall = RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(environment.getRequiredProperty("testidp.redirect-uri"))
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build();
            return new InMemoryRegisteredClientRepository(pitwall);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        java.security.KeyPair signingKey() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }

        /** Reads the access tokens the provider issued (its userinfo endpoint takes them). */
        @Bean
        org.springframework.security.oauth2.jwt.JwtDecoder accessTokens(java.security.KeyPair pair) {
            return org.springframework.security.oauth2.jwt.NimbusJwtDecoder
                    .withPublicKey((RSAPublicKey) pair.getPublic()).build();
        }

        @Bean
        JWKSource<SecurityContext> keys(java.security.KeyPair pair) {
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** Shapes the ID token of each person as the test asked. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idTokens() {
            return context -> {
                if (!"id_token".equals(context.getTokenType().getValue())) {
                    return;
                }
                Person person = PEOPLE.get(context.getPrincipal().getName());
                if (person == null) {
                    return;
                }
                person.claims().forEach((name, value) -> context.getClaims().claim(name, value));
                if (person.audience() != null) {
                    context.getClaims().audience(person.audience());
                }
                if (person.expired()) {
                    Instant past = Instant.now().minus(Duration.ofHours(2));
                    context.getClaims().issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(30)));
                }
            };
        }
    }
}
