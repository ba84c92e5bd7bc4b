package dev.pitwall.telemetry.internal;

import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.telemetry.IngestionTooLarge;
import dev.pitwall.telemetry.MalformedBody;
import dev.pitwall.telemetry.TelemetryProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Reads an ingestion request's body into memory, gunzipping it when {@code Content-Encoding: gzip},
 * and never more than {@code pitwall.telemetry.max-request-size} (checked after decompression, so a
 * small compressed bomb cannot exhaust memory).
 */
@Component
public class RequestBodies {

    private final TelemetryProperties properties;

    RequestBodies(TelemetryProperties properties) {
        this.properties = properties;
    }

    public byte[] read(HttpServletRequest request) throws IOException {
        DataSize max = properties.maxRequestSize();
        if (request.getContentLengthLong() > max.toBytes()) {
            throw tooLarge(max);
        }
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        InputStream body = request.getInputStream();
        if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.trim())) {
            if (!"gzip".equals(encoding.trim().toLowerCase(Locale.ROOT))) {
                throw new UnsupportedEncoding(encoding);
            }
            try {
                body = new GZIPInputStream(body);
            } catch (ZipException e) {
                throw new MalformedBody("The body is not valid gzip: " + e.getMessage());
            }
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max.toBytes() + 1));
        } catch (ZipException | java.io.EOFException e) {
            throw new MalformedBody("The body is not valid gzip: " + e.getMessage());
        }
        if (bytes.length > max.toBytes()) {
            throw tooLarge(max);
        }
        return bytes;
    }

    private static IngestionTooLarge tooLarge(DataSize max) {
        return new IngestionTooLarge("The body is larger than " + max.toMegabytes() + " MB (pitwall.telemetry.max-request-size).");
    }

    /** A {@code Content-Encoding} other than gzip (415). */
    static class UnsupportedEncoding extends ProblemException {
        UnsupportedEncoding(String encoding) {
            super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_ENCODING", "Unsupported content encoding",
                    "Content-Encoding '" + encoding + "' is not supported; send the body as is or gzip-compressed.");
        }
    }
}
