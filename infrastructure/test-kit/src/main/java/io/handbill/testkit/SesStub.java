package io.handbill.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A stand-in for the SES v2 API's {@code SendEmail} ({@code POST /v2/email/outbound-emails}) that keeps every
 * accepted message as a file in an outbox directory, in send order, and can be told to fail the way SES does:
 * throttling (429 {@code TooManyRequestsException}) and a rejected recipient (400 {@code MessageRejected}).
 */
public final class SesStub implements AutoCloseable {
    private static final String SEND_PATH = "/v2/email/outbound-emails";
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>,;:\"()]+@[^\\s<>,;:\"()]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path outbox;
    private final AtomicLong sequence;
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();

    private SesStub(HttpServer server, ExecutorService executor, Path outbox, long lastSequence) {
        this.server = server;
        this.executor = executor;
        this.outbox = outbox;
        this.sequence = new AtomicLong(lastSequence);
    }

    /** Starts the stub on a free loopback port, keeping messages in {@code outbox} (created if missing). */
    public static SesStub start(Path outbox) {
        try {
            Files.createDirectories(outbox);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "ses-stub");
                thread.setDaemon(true);
                return thread;
            });
            long last;
            try (Stream<Path> files = Files.list(outbox)) {
                last = files.count();
            }
            SesStub stub = new SesStub(server, executor, outbox, last);
            server.createContext("/", stub::handle);
            server.setExecutor(executor);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException("SES stub did not start", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public Path outbox() {
        return outbox;
    }

    /** The next {@code count} sends fail as SES fails when the sending rate is exceeded. */
    public void failNextWithThrottling(int count) {
        throttleNext.set(count);
    }

    /** Every send with {@code address} among its recipients fails permanently, as for a suppressed address. */
    public void rejectRecipient(String address) {
        rejected.add(address.toLowerCase(Locale.ROOT));
    }

    /** Accepted messages, oldest first. */
    public List<SentEmail> sentEmails() {
        try (Stream<Path> files = Files.list(outbox)) {
            List<SentEmail> sent = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String messageId = name.substring(name.indexOf('-') + 1, name.lastIndexOf('.'));
                sent.add(new SentEmail(file, Files.readAllBytes(file), messageId));
            }
            return sent;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the outbox and clears every fault. */
    public void reset() {
        throttleNext.set(0);
        rejected.clear();
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sequence.set(0);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod()) || !SEND_PATH.equals(exchange.getRequestURI().getPath())) {
                error(exchange, 404, "NotFoundException", "The SES stub only implements SendEmail");
                return;
            }
            JsonNode request;
            try {
                request = JSON.readTree(exchange.getRequestBody());
            } catch (IOException e) {
                error(exchange, 400, "BadRequestException", "Request body is not JSON");
                return;
            }
            send(exchange, request);
        }
    }

    private void send(HttpExchange exchange, JsonNode request) throws IOException {
        JsonNode content = request.path("Content");
        byte[] message;
        String extension;
        if (content.path("Raw").path("Data").isTextual()) {
            try {
                message = Base64.getDecoder().decode(content.path("Raw").path("Data").asText());
            } catch (IllegalArgumentException e) {
                error(exchange, 400, "BadRequestException", "Content.Raw.Data is not base64");
                return;
            }
            extension = ".eml";
        } else if (content.path("Simple").isObject()) {
            message = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(request);
            extension = ".json";
        } else {
            error(exchange, 400, "BadRequestException", "Content must have Raw.Data or Simple");
            return;
        }
        Set<String> recipients = recipients(request, extension.equals(".eml") ? message : null);
        if (recipients.isEmpty()) {
            error(exchange, 400, "BadRequestException", "No recipients");
            return;
        }
        if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            error(exchange, 429, "TooManyRequestsException", "Maximum sending rate exceeded.");
            return;
        }
        for (String recipient : recipients) {
            if (rejected.contains(recipient)) {
                error(exchange, 400, "MessageRejected", "Email address is on the suppression list: " + recipient);
                return;
            }
        }
        String messageId = UUID.randomUUID().toString();
        Path file = outbox.resolve(String.format(Locale.ROOT, "%06d-%s%s", sequence.incrementAndGet(), messageId,
                extension));
        Files.write(file, message);
        respond(exchange, 200, JSON.createObjectNode().put("MessageId", messageId));
    }

    private static Set<String> recipients(JsonNode request, byte[] mime) {
        Set<String> recipients = new LinkedHashSet<>();
        for (String field : List.of("ToAddresses", "CcAddresses", "BccAddresses")) {
            request.path("Destination").path(field).forEach(address -> addAddresses(address.asText(), recipients));
        }
        if (mime != null) {
            for (String header : headers(mime)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("to:") || lower.startsWith("cc:") || lower.startsWith("bcc:")) {
                    addAddresses(header.substring(header.indexOf(':') + 1), recipients);
                }
            }
        }
        return recipients;
    }

    private static void addAddresses(String text, Set<String> into) {
        Matcher matcher = ADDRESS.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group().toLowerCase(Locale.ROOT));
        }
    }

    /** The MIME header block, with folded lines joined. */
    private static List<String> headers(byte[] mime) {
        String text = new String(mime, StandardCharsets.ISO_8859_1);
        Matcher blankLine = Pattern.compile("\r?\n\r?\n").matcher(text);
        String block = blankLine.find() ? text.substring(0, blankLine.start()) : text;
        List<String> headers = new ArrayList<>();
        for (String line : block.split("\r?\n")) {
            if (!headers.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
                headers.set(headers.size() - 1, headers.get(headers.size() - 1) + line);
            } else {
                headers.add(line);
            }
        }
        return headers;
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        respond(exchange, status, JSON.createObjectNode().put("__type", type).put("message", message));
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
