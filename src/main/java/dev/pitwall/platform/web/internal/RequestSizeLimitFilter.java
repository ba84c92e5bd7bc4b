package dev.pitwall.platform.web.internal;

import dev.pitwall.platform.PlatformProperties;
import dev.pitwall.platform.web.LargeBodyPaths;
import dev.pitwall.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits request bodies of the API to {@code pitwall.max-request-size}: a larger declared length
 * is refused at once with 413 problem details, and a body sent without a length (chunked) is
 * counted while it is read, so no parser ever holds more. Multipart uploads have their own limit
 * ({@code spring.servlet.multipart.*}), and paths named by {@link LargeBodyPaths} limit themselves.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final long limit;
    private final List<String> ownLimits;

    RequestSizeLimitFilter(PlatformProperties properties, List<LargeBodyPaths> largeBodies) {
        this.limit = properties.maxRequestSize().toBytes();
        this.ownLimits = largeBodies.stream().flatMap(l -> l.patterns().stream()).toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String type = request.getContentType();
        return !(path.startsWith("/api/") || path.startsWith("/otlp/") || path.startsWith("/scim/"))
                || type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                || ownLimits.stream().anyMatch(pattern -> PATHS.match(pattern, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            refuse(response, limit);
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    static void refuse(HttpServletResponse response, long limit) throws IOException {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE", "Request body too large",
                tooLarge(limit), List.of());
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }

    static String tooLarge(long limit) {
        return "The request body is larger than " + (limit >= 1024 * 1024 ? limit / (1024 * 1024) + " MB" : limit + " bytes")
                + " (pitwall.max-request-size); nothing was read.";
    }

    /** Thrown by the body's stream once it passed the limit; answered with 413. */
    static final class BodyTooLarge extends IOException {

        private final long limit;

        BodyTooLarge(long limit) {
            super(tooLarge(limit));
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws BodyTooLarge {
            count += n;
            if (count > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
