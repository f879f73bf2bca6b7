package io.handbill.local;

import com.sun.net.httpserver.Headers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One HTTP exchange without a socket, so that generated requests go through the local stack's real
 * {@link ApiGateway} (route matching, payload-2.0 event, response writing) thousands of times a second. The
 * server's own parsing of the request line and headers is not exercised: JDK HttpServer fuzzing is its own matter.
 */
final class InMemoryExchange extends BaseExchange {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final String method;
    private final URI uri;
    private final Headers requestHeaders = new Headers();
    private final InputStream requestBody;
    private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();

    InMemoryExchange(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.uri = uri;
        headers.forEach((name, values) -> values.forEach(value -> requestHeaders.add(name, value)));
        this.requestBody = new ByteArrayInputStream(body);
    }

    int status() {
        return getResponseCode();
    }

    byte[] body() {
        return responseBody.toByteArray();
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return method;
    }

    @Override
    public void close() {
    }

    @Override
    public InputStream getRequestBody() {
        return requestBody;
    }

    @Override
    public OutputStream getResponseBody() {
        return responseBody;
    }

    @Override
    public void sendResponseHeaders(int code, long length) {
        if (!recordStatus(code)) {
            throw new IllegalStateException("headers already sent");
        }
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return LOOPBACK;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return LOOPBACK;
    }

    @Override
    public String getProtocol() {
        return "HTTP/1.1";
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        throw new UnsupportedOperationException();
    }

}
