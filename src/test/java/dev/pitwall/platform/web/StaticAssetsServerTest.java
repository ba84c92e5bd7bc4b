package dev.pitwall.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.testing.DatabaseAvailability;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Page weight, through the real servlet container: pages link static files under content-hashed
 * names that browsers may keep for a year, and text is sent gzip-compressed (ECharts is 1 MB
 * uncompressed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
class StaticAssetsServerTest {

    private static final Pattern HASHED = Pattern.compile("\"(/(?:webjars/bootstrap/[^\"]*bootstrap\\.min|css/pitwall)-[0-9a-f]{32}\\.css)\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void pagesLinkHashedAssetsThatAreCachedForAYearAndSentCompressed() throws Exception {
        String login = new String(get("/login", false).body(), java.nio.charset.StandardCharsets.UTF_8);
        Matcher links = HASHED.matcher(login);
        int found = 0;
        while (links.find()) {
            found++;
            HttpResponse<byte[]> asset = get(links.group(1), true);
            assertThat(asset.statusCode()).as(links.group(1)).isEqualTo(200);
            assertThat(asset.headers().firstValue("Cache-Control")).as(links.group(1)).hasValueSatisfying(
                    value -> assertThat(value).contains("max-age=31536000").contains("public"));
            assertThat(asset.headers().firstValue("Content-Encoding")).as(links.group(1)).contains("gzip");
        }
        assertThat(found).as("hashed stylesheet links on the login page:\n" + login).isEqualTo(2);
    }

    @Test
    void echartsIsSentCompressedAtAThirdOfItsSize() throws Exception {
        HttpResponse<byte[]> plain = get("/webjars/echarts/dist/echarts.min.js", false);
        HttpResponse<byte[]> compressed = get("/webjars/echarts/dist/echarts.min.js", true);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(compressed.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(compressed.body().length).isLessThan(plain.body().length / 2);
    }
}
