package io.handbill.local;

import com.sun.net.httpserver.Headers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 request off a connection as RFC 9112 says a server must, and nothing more lenient: a request
 * line of method, origin-form target and version; header fields with a name, a colon and a value, no line folding;
 * exactly one {@code Host}; a body framed by {@code Content-Length} or by {@code chunked} alone, never both. Anything
 * else is a {@link BadRequestException} the server answers as problem+json before any handler runs.
 */
final class HttpRequestReader {
    static final int MAX_REQUEST_LINE = 8 * 1024;
    static final int MAX_HEADER_BYTES = 64 * 1024;
    static final int MAX_HEADERS = 100;

    /** A request read whole, body decoded. */
    record Request(String method, URI uri, String version, Headers headers, byte[] body) {
        boolean keepAlive() {
            String connection = headers.getFirst("Connection");
            String value = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
            return version.equals("HTTP/1.1") ? !value.contains("close") : value.contains("keep-alive");
        }
    }

    /** A request the server refuses before it reaches a handler; {@code detail} names no class or exception. */
    static final class BadRequestException extends Exception {
        final int status;
        final String title;

        BadRequestException(int status, String title, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.title = title;
        }
    }

    private final InputStream in;
    private final OutputStream out;
    private final int maxBody;

    /** @param out where {@code 100 Continue} goes when a client waits for it before sending its body */
    HttpRequestReader(InputStream in, OutputStream out, int maxBody) {
        this.in = in;
        this.out = out;
        this.maxBody = maxBody;
    }

    /** The next request, or null when the client closed the connection between requests. */
    Request read() throws IOException, BadRequestException {
        String requestLine;
        do {
            requestLine = line(MAX_REQUEST_LINE, 414, "URI Too Long", "The request line is longer than 8 KiB.");
            if (requestLine == null) {
                return null;
            }
        } while (requestLine.isEmpty());   // RFC 9112 2.2: ignore empty lines before a request
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || !isToken(parts[0])) {
            throw bad("The request line must be a method, a path and an HTTP version, separated by single spaces.");
        }
        String version = parts[2];
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw bad("Only HTTP/1.1 and HTTP/1.0 are spoken here.");
        }
        URI uri = target(parts[1]);
        Headers headers = headers();
        List<String> host = headers.get("Host");
        if (version.equals("HTTP/1.1") && (host == null || host.size() != 1)) {
            throw bad("An HTTP/1.1 request needs exactly one Host header.");
        }
        return new Request(parts[0], uri, version, headers, body(version, headers));
    }

    private static URI target(String target) throws BadRequestException {
        if (!target.startsWith("/") || target.startsWith("//")) {
            throw bad("The request target must be a path starting with a single /.");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length() || hex(target.charAt(i + 1)) < 0 || hex(target.charAt(i + 2)) < 0) {
                    throw bad("The request target has a % that is not followed by two hex digits.");
                }
            } else if (!isUriChar(c)) {
                throw bad("The request target has a character that must be percent-encoded.");
            }
        }
        try {
            return new URI(target);
        } catch (URISyntaxException e) {
            throw bad("The request target is not a valid path and query.");
        }
    }

    private Headers headers() throws IOException, BadRequestException {
        Headers headers = new Headers();
        int bytes = 0;
        for (int count = 0; ; count++) {
            String line = line(MAX_HEADER_BYTES, 431, "Request Header Fields Too Large",
                    "The request's header fields are larger than 64 KiB.");
            if (line == null) {
                throw new IOException("connection closed inside the header section");
            }
            if (line.isEmpty()) {
                return headers;
            }
            bytes += line.length();
            if (count >= MAX_HEADERS || bytes > MAX_HEADER_BYTES) {
                throw new BadRequestException(431, "Request Header Fields Too Large",
                        "The request has more than " + MAX_HEADERS + " header fields or more than 64 KiB of them.");
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw bad("Header lines may not be folded onto the next line.");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                throw bad("Every header line needs a name (letters, digits, -) followed by a colon.");
            }
            String value = line.substring(colon + 1).strip();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 && c != '\t' || c == 0x7f) {
                    throw bad("A header value holds a control character.");
                }
            }
            headers.add(line.substring(0, colon), value);
        }
    }

    private byte[] body(String version, Headers headers) throws IOException, BadRequestException {
        List<String> encodings = headers.get("Transfer-Encoding");
        List<String> lengths = headers.get("Content-Length");
        if (encodings != null) {
            if (lengths != null) {
                throw bad("A request may carry Content-Length or Transfer-Encoding, not both.");
            }
            if (version.equals("HTTP/1.0") || encodings.size() != 1
                    || !encodings.get(0).equalsIgnoreCase("chunked")) {
                throw bad("The only Transfer-Encoding accepted is chunked.");
            }
            continueIfExpected(headers);
            return chunked();
        }
        if (lengths == null) {
            return new byte[0];
        }
        String length = lengths.get(0);
        if (!lengths.stream().allMatch(length::equals) || !length.matches("[0-9]{1,18}")) {
            throw bad("Content-Length must be one decimal number.");
        }
        long size = Long.parseLong(length);
        if (size > maxBody) {
            throw tooLarge();
        }
        continueIfExpected(headers);
        byte[] body = in.readNBytes((int) size);
        if (body.length < size) {
            throw new IOException("connection closed inside the body");
        }
        return body;
    }

    private byte[] chunked() throws IOException, BadRequestException {
        var body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(1024, 400, "Bad Request", "A chunk-size line is too long.");
            if (sizeLine == null) {
                throw new IOException("connection closed inside the body");
            }
            int semicolon = sizeLine.indexOf(';');
            String size = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
            if (!size.matches("[0-9A-Fa-f]{1,8}")) {
                throw bad("A chunk size must be a hexadecimal number.");
            }
            long chunk = Long.parseLong(size, 16);
            if (body.size() + chunk > maxBody) {
                throw tooLarge();
            }
            if (chunk == 0) {
                trailers();
                return body.toByteArray();
            }
            byte[] data = in.readNBytes((int) chunk);
            if (data.length < chunk) {
                throw new IOException("connection closed inside a chunk");
            }
            body.write(data);
            String end = line(2, 400, "Bad Request", "A chunk is longer than its size says.");
            if (end == null || !end.isEmpty()) {
                throw bad("A chunk is longer than its size says.");
            }
        }
    }

    private void trailers() throws IOException, BadRequestException {
        for (int count = 0; ; count++) {
            String line = line(MAX_HEADER_BYTES, 431, "Request Header Fields Too Large", "The trailer is too large.");
            if (line == null || count > MAX_HEADERS) {
                throw bad("The chunked body does not end properly.");
            }
            if (line.isEmpty()) {
                return;
            }
        }
    }

    private void continueIfExpected(Headers headers) throws IOException, BadRequestException {
        String expect = headers.getFirst("Expect");
        if (expect == null) {
            return;
        }
        if (!expect.equalsIgnoreCase("100-continue")) {
            throw new BadRequestException(417, "Expectation Failed", "Only Expect: 100-continue is understood.");
        }
        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * One line without its CRLF (a bare LF is accepted too, as RFC 9112 allows), read as ISO-8859-1; null at the end
     * of the stream before any byte.
     */
    private String line(int max, int status, String title, String detail) throws IOException, BadRequestException {
        var line = new StringBuilder();
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                int last = line.length() - 1;
                if (last >= 0 && line.charAt(last) == '\r') {
                    line.setLength(last);
                }
                return line.toString();
            }
            if (line.length() >= max) {
                throw new BadRequestException(status, title, detail);
            }
            line.append((char) b);
        }
        if (line.length() == 0) {
            return null;
        }
        throw new IOException("connection closed inside a line");
    }

    private BadRequestException tooLarge() {
        return new BadRequestException(413, "Content Too Large", "The request body is larger than "
                + maxBody / (1024 * 1024) + " MiB.");
    }

    private static BadRequestException bad(String detail) {
        return new BadRequestException(400, "Bad Request", detail);
    }

    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3986 unreserved, sub-delims and the path and query punctuation: what a target may hold unencoded. */
    private static boolean isUriChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
