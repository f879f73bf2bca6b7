package io.handbill.local;

import com.sun.net.httpserver.Headers;
import io.handbill.http.ReasonPhrases;

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
import java.util.List;
import java.util.Map;

/**
 * One request and its response on a {@link LoopbackHttpServer} connection, behind the JDK's HttpExchange
 * API, so the handlers need not know which server runs them. {@link #sendResponseHeaders} keeps the JDK's length
 * convention: -1 no body, 0 chunked, n exactly n bytes.
 */
final class LoopbackExchange extends BaseExchange {
    private final HttpRequestReader.Request request;
    private final OutputStream connection;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final boolean keepAlive;
    private InputStream requestBody;
    private OutputStream responseBody;

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

    @Override
    public Headers getRequestHeaders() {
        return request.headers();
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
        if (!recordStatus(code)) {
            throw new IOException("the response headers were sent already");
        }
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
                .append(ReasonPhrases.of(code, "")).append("\r\n");
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
    public InetSocketAddress getLocalAddress() {
        return local;
    }

    @Override
    public String getProtocol() {
        return request.version();
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
