package io.handbill.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One request and its response on a {@link LoopbackHttpServer} connection, behind the JDK's {@link HttpExchange}
 * API, so the handlers need not know which server runs them. {@link #sendResponseHeaders} keeps the JDK's length
 * convention: -1 no body, 0 chunked, n exactly n bytes.
 */
final class LoopbackExchange extends HttpExchange {
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"), Map.entry(204, "No Content"),
            Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"), Map.entry(303, "See Other"),
            Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"), Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
            Map.entry(412, "Precondition Failed"), Map.entry(413, "Content Too Large"),
            Map.entry(414, "URI Too Long"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(417, "Expectation Failed"), Map.entry(421, "Misdirected Request"),
            Map.entry(422, "Unprocessable Content"), Map.entry(428, "Precondition Required"),
            Map.entry(429, "Too Many Requests"), Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(500, "Internal Server Error"), Map.entry(503, "Service Unavailable"));

    private final HttpRequestReader.Request request;
    private final OutputStream connection;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final boolean keepAlive;
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private InputStream requestBody;
    private OutputStream responseBody;
    private int status = -1;

    LoopbackExchange(HttpRequestReader.Request request, OutputStream connection, InetSocketAddress local,
                     InetSocketAddress remote) {
        this.request = request;
        this.connection = connection;
        this.local = local;
        this.remote = remote;
        this.keepAlive = request.keepAlive();
        this.requestBody = new ByteArrayInputStream(request.body());
    }

    /** Whether the connection may carry another request after this one. */
    boolean keepAlive() {
        return keepAlive;
    }

    /** Ends the response: the chunked terminator, or the whole of a fixed-length body. */
    void finish() throws IOException {
        if (responseBody != null) {
            responseBody.close();
        }
        connection.flush();
    }

    boolean responseStarted() {
        return status != -1;
    }

    @Override
    public Headers getRequestHeaders() {
        return request.headers();
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return request.uri();
    }

    @Override
    public String getRequestMethod() {
        return request.method();
    }

    @Override
    public HttpContext getHttpContext() {
        return null;
    }

    @Override
    public void close() {
        try {
            finish();
        } catch (IOException e) {
            // the client is gone; the connection loop notices and closes it
        }
    }

    @Override
    public InputStream getRequestBody() {
        return requestBody;
    }

    @Override
    public OutputStream getResponseBody() {
        if (responseBody == null) {
            throw new IllegalStateException("sendResponseHeaders first");
        }
        return responseBody;
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (status != -1) {
            throw new IOException("the response headers were sent already");
        }
        status = code;
        boolean head = request.method().equals("HEAD");
        boolean bodiless = code == 204 || code == 304 || code < 200;
        if (length == -1 || bodiless) {
            if (!bodiless && !(head && responseHeaders.containsKey("Content-Length"))) {
                responseHeaders.set("Content-Length", "0");
            }
            responseBody = new BodyOutput(connection, 0, false, true);
        } else if (length == 0) {
            responseHeaders.set("Transfer-Encoding", "chunked");
            responseBody = new BodyOutput(connection, -1, true, head);
        } else {
            responseHeaders.set("Content-Length", Long.toString(length));
            responseBody = new BodyOutput(connection, length, false, head);
        }
        responseHeaders.set("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        if (!keepAlive) {
            responseHeaders.set("Connection", "close");
        } else if (request.version().equals("HTTP/1.0")) {
            responseHeaders.set("Connection", "keep-alive");
        }
        connection.write(head(code).getBytes(StandardCharsets.ISO_8859_1));
    }

    private String head(int code) {
        var head = new StringBuilder("HTTP/1.1 ").append(code).append(' ')
                .append(REASONS.getOrDefault(code, "")).append("\r\n");
        for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
            for (String value : header.getValue()) {
                if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                    throw new IllegalArgumentException("header " + header.getKey() + " holds a line break");
                }
                head.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        return head.append("\r\n").toString();
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return remote;
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return local;
    }

    @Override
    public String getProtocol() {
        return request.version();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        if (in != null) {
            requestBody = in;
        }
        if (out != null) {
            responseBody = out;
        }
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    /** A response body: exactly {@code length} bytes, or chunks; discarded for HEAD. Closing ends it, not the socket. */
    private static final class BodyOutput extends OutputStream {
        private final OutputStream connection;
        private final boolean chunked;
        private final boolean discard;
        private long remaining;
        private boolean closed;

        BodyOutput(OutputStream connection, long length, boolean chunked, boolean discard) {
            this.connection = connection;
            this.remaining = length;
            this.chunked = chunked;
            this.discard = discard;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (closed) {
                throw new IOException("the response body is closed");
            }
            if (length == 0 || discard) {
                return;
            }
            if (chunked) {
                connection.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                connection.write(bytes, offset, length);
                connection.write(new byte[] {'\r', '\n'});
                return;
            }
            if (length > remaining) {
                throw new IOException("more body than the Content-Length sent");
            }
            connection.write(bytes, offset, length);
            remaining -= length;
        }

        @Override
        public void flush() throws IOException {
            connection.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (chunked && !discard) {
                connection.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            connection.flush();
            if (!chunked && !discard && remaining > 0) {
                throw new IOException("the response body ended " + remaining + " bytes short");
            }
        }
    }
}
