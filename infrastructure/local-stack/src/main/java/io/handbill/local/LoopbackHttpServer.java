package io.handbill.local;

import com.sun.net.httpserver.HttpExchange;
import io.handbill.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The local stack's HTTP/1.1 server on loopback, in place of the JDK's {@code HttpServer}: that one answers a bad
 * request line, header or framing itself, before any handler, with HTML naming Java exceptions (or by dropping the
 * connection), and its Nagle-delayed keep-alive cost ~40 ms a request. Here {@link HttpRequestReader} refuses such
 * requests with a problem+json 4xx and closes the connection; what it accepts reaches the handler as an
 * {@link HttpExchange}. One thread per connection (a browser keeps about six), kept alive while idle for
 * {@value #IDLE_MILLIS} ms, with {@code TCP_NODELAY}.
 */
final class LoopbackHttpServer implements AutoCloseable {
    static final int IDLE_MILLIS = 30_000;
    static final int MAX_CONNECTIONS = 64;
    private static final Logger log = LoggerFactory.getLogger(LoopbackHttpServer.class);

    private final ServerSocket socket;
    private final int maxBody;
    private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "http-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Consumer<HttpExchange> handler;

    private LoopbackHttpServer(ServerSocket socket, int maxBody) {
        this.socket = socket;
        this.maxBody = maxBody;
    }

    /** Listens on the loopback address; {@code port} 0 picks a free one. */
    static LoopbackHttpServer bind(int port, int maxBody) {
        try {
            return new LoopbackHttpServer(new ServerSocket(port, 64, InetAddress.getLoopbackAddress()), maxBody);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on localhost:" + port
                    + " (in use? pick another with --port)", e);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Starts accepting connections; every well-formed request goes to {@code handler}. */
    void start(Consumer<HttpExchange> handler) {
        this.handler = handler;
        Thread acceptor = new Thread(this::accept, "http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                if (!connections.tryAcquire()) {
                    refuse(connection);
                    continue;
                }
                threads.execute(() -> {
                    try {
                        serve(connection);
                    } finally {
                        connections.release();
                    }
                });
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log.warn("Accepting a connection failed: {}", e.getClass().getSimpleName());
                }
            }
        }
    }

    private void serve(Socket connection) {
        open.add(connection);
        try (connection) {
            connection.setTcpNoDelay(true);
            connection.setSoTimeout(IDLE_MILLIS);
            var in = new BufferedInputStream(connection.getInputStream());
            var out = new BufferedOutputStream(connection.getOutputStream());
            var reader = new HttpRequestReader(in, out, maxBody);
            var local = (InetSocketAddress) connection.getLocalSocketAddress();
            var remote = (InetSocketAddress) connection.getRemoteSocketAddress();
            while (true) {
                HttpRequestReader.Request request;
                try {
                    request = reader.read();
                } catch (HttpRequestReader.BadRequestException e) {
                    problem(out, e.status, e.title, e.getMessage());
                    return;
                }
                if (request == null) {
                    return;
                }
                var exchange = new LoopbackExchange(request, out, local, remote);
                handler.accept(exchange);
                if (!exchange.responseStarted()) {
                    problem(out, 500, "Internal Server Error", "The local stack gave no answer.");
                    return;
                }
                exchange.finish();
                if (!exchange.keepAlive()) {
                    return;
                }
            }
        } catch (SocketException | java.net.SocketTimeoutException e) {
            log.debug("Connection ended: {}", e.getClass().getSimpleName());
        } catch (IOException e) {
            log.debug("Connection dropped: {}", e.getClass().getSimpleName());
        } finally {
            open.remove(connection);
        }
    }

    /** Refused before a handler ran: problem+json, and the connection closed, since its framing is not to be trusted. */
    private static void problem(OutputStream out, int status, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        byte[] body = Json.write(problem).getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + title + "\r\nContent-Type: application/problem+json\r\n"
                + "Content-Length: " + body.length + "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static void refuse(Socket connection) {
        try (connection) {
            problem(connection.getOutputStream(), 503, "Service Unavailable",
                    "The local stack has " + MAX_CONNECTIONS + " connections open already.");
        } catch (IOException e) {
            log.debug("Refused connection dropped: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("Closing the server socket failed: {}", e.getClass().getSimpleName());
        }
        for (Socket connection : open) {
            try {
                connection.close();   // wakes its thread, which waits in a read no interrupt reaches
            } catch (IOException e) {
                log.debug("Closing a connection failed: {}", e.getClass().getSimpleName());
            }
        }
        threads.shutdownNow();
    }
}
