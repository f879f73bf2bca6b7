package io.handbill.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A feed host on a bare loopback socket that fails the next requests the way a feed host does: throttled, a 500, no
 * answer at all, a connection reset in the middle of a body of declared length, or a body cut short by a close
 * where no length was declared (the only failure that looks like a whole response).
 */
final class FlakyFeedServer implements AutoCloseable {
    enum Failure {
        THROTTLED, SERVER_ERROR, TIMEOUT, DROPPED_MID_BODY, CUT_SHORT_BY_CLOSE
    }

    private final ServerSocket socket;
    private final Thread acceptor;
    private final AtomicInteger failing = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Failure failure;
    private volatile String feed = "";

    FlakyFeedServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = daemon(this::acceptAll);
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/ical";
    }

    void serve(String text) {
        feed = text;
    }

    /** The next {@code times} requests fail with {@code kind}; the rest get the feed. */
    void fail(Failure kind, int times) {
        failure = kind;
        failing.set(times);
    }

    int requests() {
        return requests.get();
    }

    private static Thread daemon(Runnable work) {
        Thread thread = new Thread(work, "flaky-feed");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                daemon(() -> answer(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket connection) {
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            readRequestHead(in);
            requests.incrementAndGet();
            byte[] body = feed.getBytes(StandardCharsets.UTF_8);
            Failure now = failing.getAndDecrement() > 0 ? failure : null;
            if (now == null) {
                out.write(head("200 OK", "Content-Type: text/calendar\r\nContent-Length: " + body.length));
                out.write(body);
                return;
            }
            byte[] half = Arrays.copyOf(body, body.length / 2);
            switch (now) {
                case THROTTLED -> out.write(head("429 Too Many Requests", "Retry-After: 60\r\nContent-Length: 0"));
                case SERVER_ERROR -> out.write(head("500 Internal Server Error", "Content-Length: 0"));
                case TIMEOUT -> {
                    while (in.read() >= 0) {
                        // no answer: the client gives up and closes
                    }
                }
                case DROPPED_MID_BODY -> {
                    out.write(head("200 OK", "Content-Type: text/calendar\r\nContent-Length: " + body.length));
                    out.write(half);
                    out.flush();
                    connection.setSoLinger(true, 0);   // a reset, not an orderly end
                }
                case CUT_SHORT_BY_CLOSE -> {
                    out.write(head("200 OK", "Content-Type: text/calendar"));
                    out.write(half);
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static byte[] head(String status, String headers) {
        return ("HTTP/1.1 " + status + "\r\n" + headers + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; matched < end.length && (b = in.read()) >= 0; ) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
