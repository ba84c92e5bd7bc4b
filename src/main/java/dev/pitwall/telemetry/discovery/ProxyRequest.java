package dev.pitwall.telemetry.discovery;

import java.time.Instant;

/**
 * One request of a proxy log that went to an AI service of the catalog.
 *
 * @param line where it is in the file (1 = first line)
 * @param fingerprint SHA-256 of the format and the line as written: the same line imported again is a duplicate
 * @param user who made it as the log names them (login or email), or {@code null}
 * @param uploadBytes bytes sent to the service, or {@code null} when the format does not say
 * @param downloadBytes bytes received, or {@code null}
 * @param blocked whether the proxy blocked it
 */
public record ProxyRequest(int line, String fingerprint, Instant time, String user, String host, AiService service,
        Long uploadBytes, Long downloadBytes, boolean blocked) {
}
